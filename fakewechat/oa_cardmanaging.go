package fakewechat

import (
	"maps"
	"slices"
	"time"
)

func init() { builtin = append(builtin, registerOACardManaging) }

// Data statistics error codes.
const (
	CodeDatacubeDateFormat = 61500
	CodeDatacubeDateRange  = 61501
)

func init() {
	stdMessages[CodeDatacubeDateFormat] = "date format error"
	stdMessages[CodeDatacubeDateRange] = "date range error"
}

// base_info fields whose change sends a card back to review.
var oaCardReviewedFields = []string{"title", "logo_url", "color", "notice", "description", "brand_name"}

// card_type numbers of the card statistics.
var oaCardStatsTypes = map[string]int{"DISCOUNT": 0, "CASH": 1, "GIFT": 2, "GENERAL_COUPON": 3, "GROUPON": 4}

func registerOACardManaging(s *Server) {
	// https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Managing_Coupons_Vouchers_and_Cards.html
	s.HandleJSON("POST /card/user/getcardlist", func(r *Request) (any, error) {
		var in struct {
			OpenID string `json:"openid"`
			CardID string `json:"card_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.OpenID == "" {
			return nil, ErrCode(40003)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		list := []M{}
		for _, k := range slices.Sorted(maps.Keys(cs.codes)) {
			cc := cs.codes[k]
			if cc.openid == in.OpenID && cc.status == userCardNormal && (in.CardID == "" || cc.cardID == in.CardID) {
				list = append(list, M{"code": cc.code, "card_id": cc.cardID})
			}
		}
		return OK(M{"card_list": list, "has_share_card": false}), nil
	})
	s.HandleJSON("POST /card/get", cardIDHandler(false, func(r *Request, cs *oaCardStore, c *oaCard) (any, error) {
		if c.typ == "INVOICE" {
			return nil, ErrCode(CodeCardInvalidCardID)
		}
		return OK(M{"card": c.view()}), nil
	}))
	s.HandleJSON("POST /card/batchget", func(r *Request) (any, error) {
		var in struct {
			Offset     int      `json:"offset"`
			Count      int      `json:"count"`
			StatusList []string `json:"status_list"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Offset < 0 || in.Count < 1 || in.Count > 50 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		var ids []string
		for _, id := range cs.order {
			c := cs.cards[id]
			if c.typ != "INVOICE" && (len(in.StatusList) == 0 || slices.Contains(in.StatusList, c.status)) {
				ids = append(ids, id)
			}
		}
		total := len(ids)
		page := []string{}
		if in.Offset < total {
			page = ids[in.Offset:min(total, in.Offset+in.Count)]
		}
		return OK(M{"card_id_list": page, "total_num": total}), nil
	})
	s.HandleJSON("POST /card/update", func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		id, _ := in["card_id"].(string)
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		c, e := cs.liveCard(id)
		if e != nil {
			return nil, e
		}
		if len(in) != 2 {
			return nil, ErrCode(CodeCardInvalidType)
		}
		upd, _ := in[oaCardTypes[c.typ]].(M)
		if upd == nil {
			return nil, ErrCode(CodeCardInvalidType)
		}
		nb, _ := upd["base_info"].(M)
		if _, ok := nb["sku"]; ok { // the stock changes through modifystock
			return nil, ErrCode(CodeInvalidArgs)
		}
		if _, ok := nb["brand_name"]; ok {
			return nil, ErrCode(CodeInvalidArgs)
		}
		check := false
		b := c.baseInfo()
		for k, v := range nb {
			if slices.Contains(oaCardReviewedFields, k) && b[k] != v {
				check = true
			}
			b[k] = v
		}
		for k, v := range upd {
			if k != "base_info" {
				c.obj[k] = v
			}
		}
		if check {
			c.status = cardStatusNotVerify
		}
		return OK(M{"send_check": check}), nil
	})
	s.HandleJSON("POST /card/modifystock", func(r *Request) (any, error) {
		var in struct {
			CardID   string `json:"card_id"`
			Increase int    `json:"increase_stock_value"`
			Reduce   int    `json:"reduce_stock_value"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		c, err := cs.liveCard(in.CardID)
		if err != nil {
			return nil, err
		}
		if in.Increase < 0 || in.Reduce < 0 || (in.Increase == 0) == (in.Reduce == 0) || in.Reduce > c.quantity ||
			c.quantity+in.Increase > 100000000 {
			return nil, ErrCode(CodeCardInvalidQuantity)
		}
		c.quantity += in.Increase - in.Reduce
		c.total += in.Increase - in.Reduce
		return nil, nil
	})
	s.HandleJSON("POST /card/code/update", func(r *Request) (any, error) {
		var in struct {
			CardID  string `json:"card_id"`
			Code    string `json:"code"`
			NewCode string `json:"new_code"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		c, err := cs.card(in.CardID)
		if err != nil {
			return nil, err
		}
		cc, err := cs.code(in.CardID, in.Code)
		if err != nil {
			return nil, err
		}
		if !c.baseBool("use_custom_code") {
			return nil, ErrCode(CodeCardInvalidStatus)
		}
		if in.NewCode == "" || len(in.NewCode) > oaMaxCardCodeLen || cs.codes[in.NewCode] != nil {
			return nil, ErrCode(CodeCardInvalidCode)
		}
		if cc.status != userCardNormal {
			return nil, ErrCode(CodeCardCodeDeleted)
		}
		delete(cs.codes, cc.code)
		cc.code = in.NewCode
		cs.codes[cc.code] = cc
		return nil, nil
	})
	s.HandleJSON("POST /card/delete", cardIDHandler(true, func(r *Request, cs *oaCardStore, c *oaCard) (any, error) {
		c.status = cardStatusDelete
		return nil, nil
	}))
	s.HandleJSON("POST /card/code/unavailable", usableCodeHandler(func(r *Request, cs *oaCardStore, cc *oaCardCode) (any, error) {
		cc.status = userCardUnavailable
		return nil, nil
	}))
	stats := func(perCard bool) JSONHandler {
		return func(r *Request) (any, error) {
			in, begin, end, err := decodeCardStats(r)
			if err != nil {
				return nil, err
			}
			if in.CondSource == nil || *in.CondSource < 0 || *in.CondSource > 1 {
				return nil, ErrCode(CodeInvalidArgs)
			}
			cs := oaCards(r.State())
			cs.mu.Lock()
			defer cs.mu.Unlock()
			list := []M{}
			for d := begin; !d.After(end); d = d.AddDate(0, 0, 1) {
				k := d.Format(time.DateOnly)
				var sum oaCardDay
				var users [5]map[string]bool
				for i := range users {
					users[i] = map[string]bool{}
				}
				for _, id := range cs.order {
					c := cs.cards[id]
					_, statType := oaCardStatsTypes[c.typ]
					// Every card of the fake is created through the API
					// (cond_source 1); member cards have their own statistics.
					if *in.CondSource != 1 || (perCard && (!statType || (in.CardID != "" && in.CardID != id))) {
						continue
					}
					day := cs.days[id][k]
					if day == nil {
						continue
					}
					if perCard {
						list = append(list, M{"ref_date": k, "card_id": id, "card_type": oaCardStatsTypes[c.typ],
							"view_cnt": day.nView, "view_user": len(day.view), "receive_cnt": day.nReceive, "receive_user": len(day.receive),
							"verify_cnt": day.nVerify, "verify_user": len(day.verify), "given_cnt": day.nGiven, "given_user": len(day.given),
							"expire_cnt": day.nExpire, "expire_user": len(day.expire)})
						continue
					}
					sum.nView += day.nView
					sum.nReceive += day.nReceive
					sum.nVerify += day.nVerify
					sum.nGiven += day.nGiven
					sum.nExpire += day.nExpire
					for i, m := range []map[string]bool{day.view, day.receive, day.verify, day.given, day.expire} {
						maps.Copy(users[i], m)
					}
				}
				if !perCard {
					list = append(list, M{"ref_date": k, "view_cnt": sum.nView, "view_user": len(users[0]),
						"receive_cnt": sum.nReceive, "receive_user": len(users[1]), "verify_cnt": sum.nVerify, "verify_user": len(users[2]),
						"given_cnt": sum.nGiven, "given_user": len(users[3]), "expire_cnt": sum.nExpire, "expire_user": len(users[4])})
				}
			}
			return OK(M{"list": list}), nil
		}
	}
	s.HandleJSON("POST /datacube/getcardbizuininfo", stats(false))
	s.HandleJSON("POST /datacube/getcardcardinfo", stats(true))
}

// oaCardStatsIn is the body of the card statistics queries.
type oaCardStatsIn struct {
	BeginDate  string `json:"begin_date"`
	EndDate    string `json:"end_date"`
	CondSource *int   `json:"cond_source"`
	CardID     string `json:"card_id"`
}

// decodeCardStats decodes a card statistics query and checks its dates:
// 61500 for a malformed date, 61501 for a reversed range or one of more
// than 62 days.
func decodeCardStats(r *Request) (in oaCardStatsIn, begin, end time.Time, err error) {
	if err = r.Decode(&in); err != nil {
		return
	}
	begin, e1 := time.Parse(time.DateOnly, in.BeginDate)
	end, e2 := time.Parse(time.DateOnly, in.EndDate)
	if e1 != nil || e2 != nil {
		err = ErrCode(CodeDatacubeDateFormat)
		return
	}
	if end.Before(begin) || end.Sub(begin) >= 62*24*time.Hour {
		err = ErrCode(CodeDatacubeDateRange)
	}
	return
}
