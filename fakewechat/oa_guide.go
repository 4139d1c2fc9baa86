package fakewechat

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"sync"
)

// Official account conversation capabilities (对话能力, formerly 导购助手,
// /cgi-bin/guide/*). State per app: guides (by guide_account, also found by
// guide_openid), the buyers bound to each guide (a buyer has one guide),
// buyer tag options, each buyer's tag values and display tags, guide
// groups, card/image/word material, mass-send jobs and the reply
// configurations. Rules: a guide is selected by guide_account or
// guide_openid (40097 when neither is given or it is unknown); adding an
// existing guide, a buyer bound to another guide, an existing tag name or
// an unknown tag value answers 40097 for the request or, in batch calls,
// ret_code -1 for the buyer; pages need num 1..100; batch calls take 1..200
// buyers; buyers must be well-formed openids; a mass job needs task_name,
// push_time, 1..200 openids and 1..3 material items.
func init() { builtin = append(builtin, registerOAGuide) }

type oaGuide struct {
	account, openid, nickname, headimg string
	created                            int64
	buyers                             []M // openid, buyer_nickname, create_time
	config                             json.RawMessage
}

type oaGuideStore struct {
	mu       sync.Mutex
	guides   []*oaGuide
	tags     []M // tag_name, tag_values
	buyerTag map[string][]string
	display  map[string][]string
	groups   []M
	members  map[int64][]string
	cards    map[int][]M
	images   map[int][]M
	words    map[int][]M
	jobs     []M
	acctCfg  json.RawMessage
	nextID   int64
}

func oaGuides(st *State) *oaGuideStore {
	return Value(st, "oa.guide", func() *oaGuideStore {
		return &oaGuideStore{buyerTag: map[string][]string{}, display: map[string][]string{}, members: map[int64][]string{},
			cards: map[int][]M{}, images: map[int][]M{}, words: map[int][]M{}, nextID: 1000}
	})
}

type oaGuideRef struct {
	Account string `json:"guide_account"`
	OpenID  string `json:"guide_openid"`
}

func (gs *oaGuideStore) find(ref oaGuideRef) *oaGuide {
	for _, g := range gs.guides {
		if ref.Account != "" && g.account == ref.Account || ref.Account == "" && ref.OpenID != "" && g.openid == ref.OpenID {
			return g
		}
	}
	return nil
}

// guideOf returns the guide a buyer is bound to and its index.
func (gs *oaGuideStore) guideOf(openid string) (*oaGuide, int) {
	for _, g := range gs.guides {
		if i := slices.IndexFunc(g.buyers, func(b M) bool { return b["openid"] == openid }); i >= 0 {
			return g, i
		}
	}
	return nil, -1
}

func (g *oaGuide) answer() M {
	return M{"guide_account": g.account, "guide_openid": g.openid, "guide_nickname": g.nickname,
		"guide_headimgurl": g.headimg, "create_time": g.created, "status": 2}
}

// oaGuideReq is every field the guide handlers read.
type oaGuideReq struct {
	oaGuideRef
	Nickname   string          `json:"guide_nickname"`
	HeadImg    string          `json:"guide_headimgurl"`
	Page       int             `json:"page"`
	Num        *int            `json:"num"`
	OpenIDRaw  json.RawMessage `json:"openid"`
	OpenIDs    []string        `json:"openid_list"`
	Buyers     []M             `json:"buyer_list"`
	BuyerNick  string          `json:"buyer_nickname"`
	OldAccount string          `json:"old_guide_account"`
	NewAccount string          `json:"new_guide_account"`
	TagName    string          `json:"tag_name"`
	TagValues  []string        `json:"tag_values"`
	TagValue   string          `json:"tag_value"`
	Display    []string        `json:"display_tag_list"`
	GroupName  string          `json:"group_name"`
	GroupID    int64           `json:"group_id"`
	Type       int             `json:"type"`
	Start      int             `json:"start"`
	Title      string          `json:"title"`
	AppID      string          `json:"appid"`
	Path       string          `json:"path"`
	MediaID    string          `json:"media_id"`
	PicURL     string          `json:"picurl"`
	Word       string          `json:"word"`
	TaskID     json.Number     `json:"task_id"`
	TaskName   string          `json:"task_name"`
	PushTime   int64           `json:"push_time"`
	Material   []M             `json:"material"`
	Offset     int             `json:"offset"`
	Limit      int             `json:"limit"`
	Statuses   []int           `json:"task_status"`
	QRCodeInfo string          `json:"qrcode_info"`
	raw        json.RawMessage
}

// openid is the buyer's openid of the request ("" when it is a list).
func (in *oaGuideReq) openid() string {
	var s string
	_ = json.Unmarshal(in.OpenIDRaw, &s)
	return s
}

// jobOpenIDs is the openid list of a mass-send job.
func (in *oaGuideReq) jobOpenIDs() []string {
	var ids []string
	_ = json.Unmarshal(in.OpenIDRaw, &ids)
	return ids
}

func guidePage[T any](list []T, from, num int) []T {
	from = min(max(from, 0), len(list))
	return list[from:min(from+num, len(list))]
}

func registerOAGuide(s *Server) {
	bad := ErrCode(CodeInvalidArgs)
	// h registers a guide handler; needGuide resolves the guide first.
	h := func(name string, needGuide bool, fn func(r *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error)) {
		s.HandleJSON("POST /cgi-bin/guide/"+name, func(r *Request) (any, error) {
			in := new(oaGuideReq)
			if err := r.Decode(in); err != nil {
				return nil, err
			}
			in.raw = r.Body
			if in.Num != nil && (*in.Num < 1 || *in.Num > 100) {
				return nil, bad
			}
			gs := oaGuides(r.State())
			gs.mu.Lock()
			defer gs.mu.Unlock()
			var g *oaGuide
			if needGuide {
				if g = gs.find(in.oaGuideRef); g == nil {
					return nil, bad
				}
			}
			return fn(r, gs, g, in)
		})
	}
	num := func(in *oaGuideReq) int {
		if in.Num == nil {
			return 0
		}
		return *in.Num
	}
	// batch runs fn for each openid of a batch call and answers buyer_resp.
	batch := func(ids []string, fn func(openid string) bool) (any, error) {
		if len(ids) == 0 || len(ids) > 200 {
			return nil, bad
		}
		resp := make([]M, len(ids))
		for i, oid := range ids {
			if ValidOpenID(oid) && fn(oid) {
				resp[i] = M{"openid": oid, "ret_code": 0, "ret_msg": "ok"}
			} else {
				resp[i] = M{"openid": oid, "ret_code": -1, "ret_msg": "fail"}
			}
		}
		return OK(M{"buyer_resp": resp}), nil
	}

	// Guides.
	h("addguideacct", false, func(r *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		if (in.Account == "" && in.openid() == "") || gs.find(in.oaGuideRef) != nil {
			return nil, bad
		}
		openid := in.oaGuideRef.OpenID
		if openid == "" {
			openid = "oGuide_" + in.Account
		}
		gs.guides = append(gs.guides, &oaGuide{account: in.Account, openid: openid, nickname: in.Nickname, headimg: in.HeadImg, created: r.Now().Unix()})
		return nil, nil
	})
	h("getguideacct", true, func(_ *Request, _ *oaGuideStore, g *oaGuide, _ *oaGuideReq) (any, error) { return OK(g.answer()), nil })
	h("updateguideacct", true, func(_ *Request, _ *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if in.Nickname != "" {
			g.nickname = in.Nickname
		}
		if in.HeadImg != "" {
			g.headimg = in.HeadImg
		}
		return nil, nil
	})
	h("delguideacct", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, _ *oaGuideReq) (any, error) {
		gs.guides = slices.DeleteFunc(gs.guides, func(x *oaGuide) bool { return x == g })
		return nil, nil
	})
	h("getguideacctlist", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		if in.Num == nil {
			return nil, bad
		}
		list := []M{}
		for _, g := range guidePage(gs.guides, in.Page*num(in), num(in)) {
			list = append(list, g.answer())
		}
		return OK(M{"total_num": len(gs.guides), "list": list}), nil
	})
	h("guidecreateqrcode", true, func(_ *Request, _ *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if len([]rune(in.QRCodeInfo)) > 60 {
			return nil, bad
		}
		return OK(M{"qrcode_url": "https://mp.weixin.qq.com/fake/guideqr/" + g.openid}), nil
	})
	h("getguidebuyerchatrecord", true, func(_ *Request, _ *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if in.Num == nil || !ValidOpenID(in.openid()) {
			return nil, bad
		}
		return OK(M{"total_num": 1, "msg_list": []M{{"openid": in.openid(), "msgtype": "text", "content": "你好", "send_time": 1566355720, "send_type": 2}}}), nil
	})
	h("setguideconfig", true, func(_ *Request, _ *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		g.config = in.raw
		return nil, nil
	})
	h("getguideconfig", true, func(_ *Request, _ *oaGuideStore, g *oaGuide, _ *oaGuideReq) (any, error) {
		out := M{}
		if g.config != nil {
			_ = json.Unmarshal(g.config, &out)
		}
		delete(out, "guide_account")
		delete(out, "guide_openid")
		delete(out, "is_delete")
		return OK(out), nil
	})
	h("setguideacctconfig", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		gs.acctCfg = in.raw
		return nil, nil
	})
	h("getguideacctconfig", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, _ *oaGuideReq) (any, error) {
		out := M{}
		if gs.acctCfg != nil {
			_ = json.Unmarshal(gs.acctCfg, &out)
		}
		delete(out, "is_delete")
		return OK(out), nil
	})
	h("pushshowwxapathmenu", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		var body struct {
			Username string `json:"username"`
		}
		_ = json.Unmarshal(in.raw, &body)
		if in.AppID == "" || in.Path == "" || gs.find(oaGuideRef{Account: body.Username}) == nil {
			return nil, bad
		}
		return nil, nil
	})

	// Buyers.
	h("addguidebuyerrelation", true, func(r *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		ids := make([]string, len(in.Buyers))
		nick := map[string]any{}
		for i, b := range in.Buyers {
			ids[i], _ = b["openid"].(string)
			nick[ids[i]] = b["buyer_nickname"]
		}
		return batch(ids, func(oid string) bool {
			if cur, _ := gs.guideOf(oid); cur != nil {
				return false
			}
			g.buyers = append(g.buyers, M{"openid": oid, "buyer_nickname": nick[oid], "create_time": r.Now().Unix()})
			return true
		})
	})
	h("delguidebuyerrelation", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		return batch(in.OpenIDs, func(oid string) bool {
			cur, i := gs.guideOf(oid)
			if cur != g {
				return false
			}
			g.buyers = slices.Delete(g.buyers, i, i+1)
			return true
		})
	})
	h("rebindguideacctforbuyer", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		var ref struct {
			OldOpen string `json:"old_guide_openid"`
			NewOpen string `json:"new_guide_openid"`
		}
		_ = json.Unmarshal(in.raw, &ref)
		from, to := gs.find(oaGuideRef{in.OldAccount, ref.OldOpen}), gs.find(oaGuideRef{in.NewAccount, ref.NewOpen})
		if from == nil || to == nil {
			return nil, bad
		}
		return batch(in.OpenIDs, func(oid string) bool {
			cur, i := gs.guideOf(oid)
			if cur != from {
				return false
			}
			to.buyers = append(to.buyers, from.buyers[i])
			from.buyers = slices.Delete(from.buyers, i, i+1)
			return true
		})
	})
	h("getguidebuyerrelationlist", true, func(_ *Request, _ *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if in.Num == nil {
			return nil, bad
		}
		return OK(M{"total_num": len(g.buyers), "list": append([]M{}, guidePage(g.buyers, in.Page*num(in), num(in))...)}), nil
	})
	h("updateguidebuyerrelation", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		cur, i := gs.guideOf(in.openid())
		if cur != g {
			return nil, bad
		}
		g.buyers[i]["buyer_nickname"] = in.BuyerNick
		return nil, nil
	})
	h("getguidebuyerrelationbybuyer", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		g, i := gs.guideOf(in.openid())
		if g == nil {
			return nil, bad
		}
		return OK(oaWith(g.buyers[i], M{"guide_account": g.account, "guide_openid": g.openid})), nil
	})
	h("getguidebuyerrelation", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		cur, i := gs.guideOf(in.openid())
		if cur != g {
			return nil, bad
		}
		return OK(oaWith(g.buyers[i], nil)), nil
	})

	// Tags.
	tagIndex := func(gs *oaGuideStore, name string) int {
		return slices.IndexFunc(gs.tags, func(t M) bool { return t["tag_name"] == name })
	}
	knownValue := func(gs *oaGuideStore, v string) bool {
		for _, t := range gs.tags {
			if slices.Contains(t["tag_values"].([]string), v) {
				return true
			}
		}
		return false
	}
	h("newguidetagoption", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		if in.TagName == "" || len(in.TagValues) == 0 || tagIndex(gs, in.TagName) >= 0 {
			return nil, bad
		}
		gs.tags = append(gs.tags, M{"tag_name": in.TagName, "tag_values": slices.Clone(in.TagValues)})
		return nil, nil
	})
	h("addguidetagoption", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		i := tagIndex(gs, in.TagName)
		if i < 0 || len(in.TagValues) == 0 {
			return nil, bad
		}
		vals := gs.tags[i]["tag_values"].([]string)
		for _, v := range in.TagValues {
			if !slices.Contains(vals, v) {
				vals = append(vals, v)
			}
		}
		gs.tags[i]["tag_values"] = vals
		return nil, nil
	})
	h("delguidetagoption", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		i := tagIndex(gs, in.TagName)
		if i < 0 {
			return nil, bad
		}
		gs.tags = slices.Delete(gs.tags, i, i+1)
		return nil, nil
	})
	h("getguidetagoption", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, _ *oaGuideReq) (any, error) {
		return OK(M{"options": append([]M{}, gs.tags...)}), nil
	})
	tagBuyers := func(add bool) func(*Request, *oaGuideStore, *oaGuide, *oaGuideReq) (any, error) {
		return func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
			if !knownValue(gs, in.TagValue) {
				return nil, bad
			}
			return batch(in.OpenIDs, func(oid string) bool {
				if cur, _ := gs.guideOf(oid); cur != g {
					return false
				}
				vals := gs.buyerTag[oid]
				i := slices.Index(vals, in.TagValue)
				switch {
				case add && i < 0:
					gs.buyerTag[oid] = append(vals, in.TagValue)
				case !add && i >= 0:
					gs.buyerTag[oid] = slices.Delete(vals, i, i+1)
				}
				return true
			})
		}
	}
	h("addguidebuyertag", true, tagBuyers(true))
	h("delguidebuyertag", true, tagBuyers(false))
	h("getguidebuyertag", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if cur, _ := gs.guideOf(in.openid()); cur != g {
			return nil, bad
		}
		return OK(M{"tag_values": append([]string{}, gs.buyerTag[in.openid()]...)}), nil
	})
	h("queryguidebuyerbytag", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if len(in.TagValues) == 0 {
			return nil, bad
		}
		ids := []string{}
		for _, b := range g.buyers {
			oid := b["openid"].(string)
			if !slices.ContainsFunc(in.TagValues, func(v string) bool { return !slices.Contains(gs.buyerTag[oid], v) }) {
				ids = append(ids, oid)
			}
		}
		return OK(M{"openid_list": ids}), nil
	})
	h("addguidebuyerdisplaytag", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if cur, _ := gs.guideOf(in.openid()); cur != g {
			return nil, bad
		}
		gs.display[in.openid()] = slices.Clone(in.Display)
		return nil, nil
	})
	h("getguidebuyerdisplaytag", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if cur, _ := gs.guideOf(in.openid()); cur != g {
			return nil, bad
		}
		return OK(M{"display_tag_list": append([]string{}, gs.display[in.openid()]...)}), nil
	})

	// Groups.
	groupIndex := func(gs *oaGuideStore, id int64) int {
		return slices.IndexFunc(gs.groups, func(g M) bool { return g["id"] == id })
	}
	h("newguidegroup", false, func(r *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		if in.GroupName == "" {
			return nil, bad
		}
		gs.nextID++
		now := r.Now().Unix()
		gs.groups = append(gs.groups, M{"id": gs.nextID, "name": in.GroupName, "create_time": now, "update_time": now})
		return OK(M{"group_id": gs.nextID}), nil
	})
	h("getguidegrouplist", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, _ *oaGuideReq) (any, error) {
		return OK(M{"group_list": append([]M{}, gs.groups...)}), nil
	})
	h("getgroupinfo", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		if groupIndex(gs, in.GroupID) < 0 || in.Num == nil {
			return nil, bad
		}
		list := []M{}
		for _, a := range guidePage(gs.members[in.GroupID], in.Page*num(in), num(in)) {
			list = append(list, gs.find(oaGuideRef{Account: a}).answer())
		}
		return OK(M{"total_num": len(gs.members[in.GroupID]), "guide_list": list}), nil
	})
	member := func(add bool) func(*Request, *oaGuideStore, *oaGuide, *oaGuideReq) (any, error) {
		return func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
			if groupIndex(gs, in.GroupID) < 0 {
				return nil, bad
			}
			ms := gs.members[in.GroupID]
			i := slices.Index(ms, g.account)
			switch {
			case add && i < 0:
				gs.members[in.GroupID] = append(ms, g.account)
			case !add && i >= 0:
				gs.members[in.GroupID] = slices.Delete(ms, i, i+1)
			case !add:
				return nil, bad
			}
			return nil, nil
		}
	}
	h("addguide2guidegroup", true, member(true))
	h("delguide2guidegroup", true, member(false))
	h("getgroupbyguide", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, _ *oaGuideReq) (any, error) {
		ids := []int64{}
		for _, grp := range gs.groups {
			if slices.Contains(gs.members[grp["id"].(int64)], g.account) {
				ids = append(ids, grp["id"].(int64))
			}
		}
		return OK(M{"group_id_list": ids}), nil
	})
	h("delguidegroup", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		i := groupIndex(gs, in.GroupID)
		if i < 0 {
			return nil, bad
		}
		gs.groups = slices.Delete(gs.groups, i, i+1)
		delete(gs.members, in.GroupID)
		return nil, nil
	})

	// Material: card, image and word lists per type (0 guide, 1 account).
	material := func(name, field string, list func(*oaGuideStore) map[int][]M, key func(in *oaGuideReq) M, answerKey string) {
		match := func(a, b M) bool {
			for k, v := range b {
				if k != "create_time" && a[k] != v {
					return false
				}
			}
			return true
		}
		h("set"+name, false, func(r *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
			k := key(in)
			if in.Type < 0 || in.Type > 1 || slices.Contains(slices.Collect(maps.Values(k)), any("")) {
				return nil, bad
			}
			list(gs)[in.Type] = append(list(gs)[in.Type], oaWith(k, M{"create_time": r.Now().Unix()}))
			return nil, nil
		})
		h("get"+name, false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
			all := list(gs)[in.Type]
			if field == "card_list" {
				return OK(M{field: append([]M{}, all...)}), nil
			}
			if in.Num == nil {
				return nil, bad
			}
			return OK(M{"total_num": len(all), field: append([]M{}, guidePage(all, in.Start, num(in))...)}), nil
		})
		h("del"+name, false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
			k := key(in)
			delete(k, answerKey)
			i := slices.IndexFunc(list(gs)[in.Type], func(m M) bool { return match(m, k) })
			if i < 0 {
				return nil, bad
			}
			list(gs)[in.Type] = slices.Delete(list(gs)[in.Type], i, i+1)
			return nil, nil
		})
	}
	material("guidecardmaterial", "card_list", func(gs *oaGuideStore) map[int][]M { return gs.cards },
		func(in *oaGuideReq) M {
			return M{"title": in.Title, "appid": in.AppID, "path": in.Path, "media_id": in.MediaID}
		}, "media_id")
	material("guideimagematerial", "model_list", func(gs *oaGuideStore) map[int][]M { return gs.images },
		func(in *oaGuideReq) M {
			if in.MediaID != "" {
				return M{"picurl": "https://mmbiz.qpic.cn/fake/" + in.MediaID}
			}
			return M{"picurl": in.PicURL}
		}, "")
	material("guidewordmaterial", "word_list", func(gs *oaGuideStore) map[int][]M { return gs.words },
		func(in *oaGuideReq) M { return M{"word": in.Word} }, "")

	// Mass-send jobs.
	jobIndex := func(gs *oaGuideStore, id json.Number) int {
		return slices.IndexFunc(gs.jobs, func(j M) bool { return json.Number(j["task_id"].(string)) == id })
	}
	checkJob := func(in *oaGuideReq) bool {
		return in.TaskName != "" && in.PushTime > 0 && len(in.jobOpenIDs()) > 0 && len(in.jobOpenIDs()) <= 200 && len(in.Material) > 0 && len(in.Material) <= 3
	}
	h("addguidemassendjob", true, func(r *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if !checkJob(in) {
			return nil, bad
		}
		gs.nextID++
		now := r.Now().Unix()
		job := M{"task_id": strconv.FormatInt(gs.nextID, 10), "task_name": in.TaskName, "push_time": in.PushTime, "openid": in.jobOpenIDs(),
			"material": in.Material, "task_status": 1, "create_time": now, "update_time": now, "guide_account": g.account}
		gs.jobs = append(gs.jobs, job)
		return OK(M{"task_result": []M{{"task_id": gs.nextID, "openid": in.jobOpenIDs()}}}), nil
	})
	h("getguidemassendjoblist", true, func(_ *Request, gs *oaGuideStore, g *oaGuide, in *oaGuideReq) (any, error) {
		if in.Limit < 1 || in.Limit > 100 {
			return nil, bad
		}
		var mine []M
		for _, j := range gs.jobs {
			if j["guide_account"] == g.account && (len(in.Statuses) == 0 || slices.Contains(in.Statuses, j["task_status"].(int))) {
				mine = append(mine, j)
			}
		}
		return OK(M{"total_num": len(mine), "list": append([]M{}, guidePage(mine, in.Offset, in.Limit)...)}), nil
	})
	h("getguidemassendjob", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		i := jobIndex(gs, in.TaskID)
		if i < 0 {
			return nil, bad
		}
		return OK(M{"job": gs.jobs[i]}), nil
	})
	h("updateguidemassendjob", false, func(r *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		i := jobIndex(gs, in.TaskID)
		if i < 0 || gs.jobs[i]["task_status"] != 1 {
			return nil, bad
		}
		j := oaWith(gs.jobs[i], nil)
		if in.TaskName != "" {
			j["task_name"] = in.TaskName
		}
		if in.PushTime > 0 {
			j["push_time"] = in.PushTime
		}
		if len(in.Material) > 0 {
			j["material"] = in.Material
		}
		j["update_time"] = r.Now().Unix()
		gs.jobs[i] = j
		return nil, nil
	})
	h("cancelguidemassendjob", false, func(_ *Request, gs *oaGuideStore, _ *oaGuide, in *oaGuideReq) (any, error) {
		i := jobIndex(gs, in.TaskID)
		if i < 0 || gs.jobs[i]["task_status"] != 1 {
			return nil, bad
		}
		gs.jobs[i] = oaWith(gs.jobs[i], M{"task_status": 2})
		return nil, nil
	})
}
