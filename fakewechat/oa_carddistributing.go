package fakewechat

import (
	"fmt"
	"net/url"
)

func init() { builtin = append(builtin, registerOACardDistributing) }

// Limits of the card distributing endpoints.
const (
	oaMaxCardCodesPerCall = 100
	oaMaxCardCodeLen      = 20
	oaMaxWhitelist        = 10
)

var oaLandingScenes = map[string]bool{
	"SCENE_NEAR_BY": true, "SCENE_MENU": true, "SCENE_QRCODE": true, "SCENE_ARTICLE": true,
	"SCENE_H5": true, "SCENE_IVR": true, "SCENE_CARD_CUSTOM_CELL": true,
}

type oaCardCodesBody struct {
	CardID string   `json:"card_id"`
	Code   []string `json:"code"`
}

// liveCard returns a card that can still be distributed. cs.mu must be held.
func (cs *oaCardStore) liveCard(id string) (*oaCard, *Error) {
	c, err := cs.card(id)
	if err != nil {
		return nil, err
	}
	if c.status == cardStatusDelete {
		return nil, ErrCode(CodeCardInvalidStatus)
	}
	return c, nil
}

func registerOACardDistributing(s *Server) {
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Distributing_Coupons_Vouchers_and_Cards.html
	s.HandleJSON("POST /card/qrcode/create", func(r *Request) (any, error) {
		type qrCard struct {
			CardID string `json:"card_id"`
		}
		var in struct {
			ActionName    string `json:"action_name"`
			ExpireSeconds *int   `json:"expire_seconds"`
			ActionInfo    struct {
				Card         *qrCard `json:"card"`
				MultipleCard *struct {
					CardList []qrCard `json:"card_list"`
				} `json:"multiple_card"`
			} `json:"action_info"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		var cards []qrCard
		switch {
		case in.ActionName == "QR_CARD" && in.ActionInfo.Card != nil:
			cards = []qrCard{*in.ActionInfo.Card}
		case in.ActionName == "QR_MULTIPLE_CARD" && in.ActionInfo.MultipleCard != nil:
			cards = in.ActionInfo.MultipleCard.CardList
		}
		if len(cards) == 0 || len(cards) > 5 {
			return nil, ErrCode(CodeCardInvalidActionInfo)
		}
		exp := 0
		if in.ExpireSeconds != nil {
			exp = *in.ExpireSeconds
			if exp < 60 || exp > 31536000 {
				return nil, ErrCode(CodeCardInvalidActionInfo)
			}
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		for _, c := range cards {
			if _, err := cs.liveCard(c.CardID); err != nil {
				return nil, err
			}
		}
		ticket := "gQ" + cs.newID("", 40)
		ans := M{"ticket": ticket, "url": "http://weixin.qq.com/q/" + ticket[:22],
			"show_qrcode_url": "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=" + url.QueryEscape(ticket)}
		if exp > 0 {
			ans["expire_seconds"] = exp
		}
		return OK(ans), nil
	})
	s.HandleJSON("POST /card/landingpage/create", func(r *Request) (any, error) {
		var in struct {
			Banner    string `json:"banner"`
			PageTitle string `json:"page_title"`
			Scene     string `json:"scene"`
			CardList  []struct {
				CardID   string `json:"card_id"`
				ThumbURL string `json:"thumb_url"`
			} `json:"card_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Banner == "" || in.PageTitle == "" || len(in.CardList) == 0 {
			return nil, ErrCode(CodeCardMissingField)
		}
		if !oaLandingScenes[in.Scene] {
			return nil, ErrCode(CodeInvalidArgs)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		for _, c := range in.CardList {
			if _, err := cs.liveCard(c.CardID); err != nil {
				return nil, err
			}
		}
		cs.seq++
		return OK(M{"page_id": cs.seq, "url": fmt.Sprintf("https://mp.weixin.qq.com/bizmall/cardlandingpage?biz=%s&page_id=%d&scene=%s#wechat_redirect",
			url.QueryEscape(r.AppID), cs.seq, in.Scene)}), nil
	})
	codes := func(h func(cs *oaCardStore, c *oaCard, codes []string) (any, error)) JSONHandler {
		return func(r *Request) (any, error) {
			var in oaCardCodesBody
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			if len(in.Code) == 0 || len(in.Code) > oaMaxCardCodesPerCall {
				return nil, ErrCode(CodeInvalidArgs)
			}
			cs := oaCards(r.State())
			cs.mu.Lock()
			defer cs.mu.Unlock()
			c, err := cs.liveCard(in.CardID)
			if err != nil {
				return nil, err
			}
			if !c.depositMode() {
				return nil, ErrCode(CodeCardInvalidStatus)
			}
			return h(cs, c, in.Code)
		}
	}
	s.HandleJSON("POST /card/code/deposit", codes(func(cs *oaCardStore, c *oaCard, codes []string) (any, error) {
		succ, dup, fail := []string{}, []string{}, []string{}
		for _, code := range codes {
			switch {
			case code == "" || len(code) > oaMaxCardCodeLen:
				fail = append(fail, code)
			case c.depositedAll[code]:
				dup = append(dup, code)
			default:
				c.depositedAll[code] = true
				c.deposited = append(c.deposited, code)
				succ = append(succ, code)
			}
		}
		return OK(M{"succ_code": succ, "duplicate_code": dup, "fail_code": fail}), nil
	}))
	s.HandleJSON("POST /card/code/checkcode", codes(func(cs *oaCardStore, c *oaCard, codes []string) (any, error) {
		exist, not := []string{}, []string{}
		for _, code := range codes {
			if c.depositedAll[code] {
				exist = append(exist, code)
			} else {
				not = append(not, code)
			}
		}
		return OK(M{"exist_code": exist, "not_exist_code": not}), nil
	}))
	s.HandleJSON("POST /card/code/getdepositcount", cardIDHandler(false, func(r *Request, cs *oaCardStore, c *oaCard) (any, error) {
		return OK(M{"count": len(c.deposited)}), nil
	}))
	s.HandleJSON("POST /card/mpnews/gethtml", cardIDHandler(true, func(r *Request, cs *oaCardStore, c *oaCard) (any, error) {
		if c.status != cardStatusVerifyOK {
			return nil, ErrCode(CodeCardInvalidStatus)
		}
		return OK(M{"content": fmt.Sprintf(`<iframe class="res_iframe card_iframe js_editor_card" data-src="http://mp.weixin.qq.com/bizmall/appmsgcard?action=show&biz=%s&cardid=%s&wechat_card_js=1#wechat_redirect"></iframe>`,
			url.QueryEscape(r.AppID), c.id)}), nil
	}))
	s.HandleJSON("POST /card/testwhitelist/set", func(r *Request) (any, error) {
		var in struct {
			OpenID   []string `json:"openid"`
			Username []string `json:"username"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		n := len(in.OpenID) + len(in.Username)
		if n == 0 || n > oaMaxWhitelist {
			return nil, ErrCode(CodeInvalidArgs)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cs.whitelist = append(append([]string{}, in.OpenID...), in.Username...)
		return nil, nil
	})
}
