package oa

import (
	"context"
	"iter"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

// InvalidArgumentError is returned, before any request is sent, when an
// argument breaks a documented WeChat limit (empty openid, too many openids,
// unknown QR code type...). It never contains credentials.
type InvalidArgumentError = wechat.ArgumentError

func invalidArg(arg, reason string) error {
	return &wechat.ArgumentError{Pkg: "oa", Arg: arg, Reason: reason}
}

// call sends body to ep and decodes the answer into a new T.
func call[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, q url.Values, body any) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, ep, q, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// OpenIDPage is one page of openids, the shape of the user list, the tag's
// user list and the blacklist.
type OpenIDPage struct {
	// Total is the number of openids in the whole list (absent from a tag's
	// user list).
	Total int `json:"total,omitempty"`
	// Count is the number of openids in this page.
	Count int `json:"count"`
	Data  struct {
		OpenIDs []string `json:"openid"`
	} `json:"data"`
	// NextOpenID is the cursor of the next page; WeChat sends the last
	// openid of the page, and an empty string after the last page.
	NextOpenID string `json:"next_openid"`
}

// OpenIDs returns the openids of the page.
func (p *OpenIDPage) OpenIDs() []string { return p.Data.OpenIDs }

// openIDPages iterates over every openid of a list fetched page by page.
func openIDPages(ctx context.Context, fetch func(ctx context.Context, cursor string) (*OpenIDPage, error)) iter.Seq2[string, error] {
	return wechat.CursorPages(ctx, "", func(ctx context.Context, cursor string) ([]string, string, error) {
		p, err := fetch(ctx, cursor)
		if err != nil {
			return nil, "", err
		}
		return p.Data.OpenIDs, p.NextOpenID, nil
	})
}

// checkOpenIDs validates a batch of openids against WeChat's limit max.
func checkOpenIDs(arg string, openIDs []string, max int) error {
	if len(openIDs) == 0 {
		return invalidArg(arg, "no openid given")
	}
	if len(openIDs) > max {
		return invalidArg(arg, strconv.Itoa(len(openIDs))+" openids, at most "+strconv.Itoa(max)+" per call")
	}
	for _, id := range openIDs {
		if id == "" {
			return invalidArg(arg, "empty openid")
		}
	}
	return nil
}

func requireOpenID(openID string) error {
	if openID == "" {
		return invalidArg("openid", "empty")
	}
	return nil
}
