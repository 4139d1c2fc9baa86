package work

import (
	"context"
	"iter"
)

var (
	kfAccountAdd    = epPost("/cgi-bin/kf/account/add")
	kfAccountDel    = epPost("/cgi-bin/kf/account/del")
	kfAccountUpdate = epPost("/cgi-bin/kf/account/update")
	kfAccountList   = epPost("/cgi-bin/kf/account/list")
	kfAddContactWay = epPost("/cgi-bin/kf/add_contact_way")
)

// KFAccount is a WeChat customer-service account.
type KFAccount struct {
	OpenKfID string `json:"open_kfid"`
	Name     string `json:"name"`
	Avatar   string `json:"avatar"`
	// ManagePrivilege tells whether the caller may manage the account.
	ManagePrivilege bool `json:"manage_privilege"`
}

type openKfIDBody struct {
	OpenKfID string `json:"open_kfid"`
}

// Add creates an account named name (at most 16 characters) with the
// avatar mediaID (an image uploaded with Material.Upload) and returns its
// open_kfid.
// https://developer.work.weixin.qq.com/document/path/94662
func (s *KFAccountService) Add(ctx context.Context, name, mediaID string) (string, error) {
	if err := needB("name", name, "media_id", mediaID); err != nil {
		return "", err
	}
	out, err := callB[openKfIDBody](ctx, s.c, kfAccountAdd, nil, map[string]string{"name": name, "media_id": mediaID})
	if err != nil {
		return "", err
	}
	return out.OpenKfID, nil
}

// Delete deletes an account.
// https://developer.work.weixin.qq.com/document/path/94663
func (s *KFAccountService) Delete(ctx context.Context, openKfID string) error {
	if err := needB("open_kfid", openKfID); err != nil {
		return err
	}
	return s.c.Do(ctx, kfAccountDel, nil, openKfIDBody{openKfID}, nil)
}

// Update renames an account or changes its avatar; empty arguments are
// left as they are.
// https://developer.work.weixin.qq.com/document/path/94664
func (s *KFAccountService) Update(ctx context.Context, openKfID, name, mediaID string) error {
	if err := needB("open_kfid", openKfID); err != nil {
		return err
	}
	if name == "" && mediaID == "" {
		return paramErr("name", "nothing to update")
	}
	return s.c.Do(ctx, kfAccountUpdate, nil, struct {
		OpenKfID string `json:"open_kfid"`
		Name     string `json:"name,omitempty"`
		MediaID  string `json:"media_id,omitempty"`
	}{openKfID, name, mediaID}, nil)
}

// List returns a page of accounts: limit 1 to 100 from offset.
// https://developer.work.weixin.qq.com/document/path/94661
func (s *KFAccountService) List(ctx context.Context, offset, limit int) ([]KFAccount, error) {
	if offset < 0 || limit < 1 || limit > 100 {
		return nil, paramErr("limit", "want an offset >= 0 and a limit of 1 to 100")
	}
	out, err := callB[struct {
		AccountList []KFAccount `json:"account_list"`
	}](ctx, s.c, kfAccountList, nil, map[string]int{"offset": offset, "limit": limit})
	if err != nil {
		return nil, err
	}
	return out.AccountList, nil
}

// All iterates over every account, fetching pages of 100.
// https://developer.work.weixin.qq.com/document/path/94661
func (s *KFAccountService) All(ctx context.Context) iter.Seq2[KFAccount, error] {
	return func(yield func(KFAccount, error) bool) {
		for offset := 0; ; {
			page, err := s.List(ctx, offset, 100)
			if err != nil {
				yield(KFAccount{}, err)
				return
			}
			for _, a := range page {
				if !yield(a, nil) {
					return
				}
			}
			if len(page) < 100 {
				return
			}
			offset += len(page)
		}
	}
}

// AddContactWay returns the link customers open to chat with an account.
// scene (at most 32 of [0-9a-zA-Z_-], may be empty) is reported back in the
// enter-session event.
// https://developer.work.weixin.qq.com/document/path/94665
func (s *KFAccountService) AddContactWay(ctx context.Context, openKfID, scene string) (string, error) {
	if err := needB("open_kfid", openKfID); err != nil {
		return "", err
	}
	out, err := callB[struct {
		URL string `json:"url"`
	}](ctx, s.c, kfAddContactWay, nil, struct {
		OpenKfID string `json:"open_kfid"`
		Scene    string `json:"scene,omitempty"`
	}{openKfID, scene})
	if err != nil {
		return "", err
	}
	return out.URL, nil
}
