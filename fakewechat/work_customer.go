package fakewechat

import (
	"slices"
	"sort"
	"strconv"
	"sync"
)

// WeComCustomer is a customer (external contact) of a fake corp, for tests:
// add it with AddWeComCustomer.
type WeComCustomer struct {
	ExternalUserID string
	Name           string
	Type           int // 1 WeChat user, 2 WeCom user
	Gender         int
	UnionID        string
	CorpName       string
	Follow         []WeComFollow
}

// WeComFollow is a member who added a customer.
type WeComFollow struct {
	UserID        string
	Remark        string
	Description   string
	RemarkCorp    string
	RemarkMobiles []string
	CreateTime    int64
	TagIDs        []string
	AddWay        int
	State         string
}

// WeComGroupChat is a customer group chat of a fake corp: members whose id
// starts with "wm" or "wo" are customers.
type WeComGroupChat struct {
	ChatID     string
	Name       string
	Owner      string
	Members    []string
	CreateTime int64
	Status     int
	OpenGID    string
}

// WeComMoment is a customer moment of a fake corp. Users are the members
// asked to publish it; Published those who did.
type WeComMoment struct {
	MomentID    string
	Creator     string
	CreateTime  int64
	CreateType  int
	VisibleType int
	Text        string
	Users       []string
	Published   []string
	Comments    []WeComMomentComment
}

// WeComMomentComment is a comment or (Like) a like on a member's moment.
type WeComMomentComment struct {
	UserID         string // the member whose moment it is
	ExternalUserID string
	CreateTime     int64
	Like           bool
}

type wcTag struct {
	ID, Name   string
	CreateTime int64
	Order      int
}

type wcTagGroup struct {
	ID, Name   string
	StrategyID int
	CreateTime int64
	Order      int
	Tags       []*wcTag
}

type wcCustomers struct {
	mu        sync.Mutex
	seq       int
	order     []string
	byID      map[string]*WeComCustomer
	tags      []*wcTagGroup
	chats     []*WeComGroupChat
	moments   []*WeComMoment
	resigned  map[string]int64 // userid → dimission time
	transfers map[[2]string][]M
	welcome   map[string]bool // used welcome codes
}

func (s *Server) wcCustomers(corpID string) *wcCustomers {
	return Value(s.State("wecom:"+corpID), "customers", func() *wcCustomers {
		return &wcCustomers{byID: map[string]*WeComCustomer{}, resigned: map[string]int64{}, transfers: map[[2]string][]M{}, welcome: map[string]bool{}}
	})
}

func wcCust(r *Request) *wcCustomers {
	corp, _ := splitCorp(r.AppID)
	return r.Server.wcCustomers(corp)
}

func splitCorp(appID string) (corp, agent string) {
	for i := 0; i < len(appID); i++ {
		if appID[i] == '/' {
			return appID[:i], appID[i+1:]
		}
	}
	return appID, ""
}

// AddWeComCustomer adds or replaces a customer of corpID.
func (s *Server) AddWeComCustomer(corpID string, c WeComCustomer) {
	d := s.wcCustomers(corpID)
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, ok := d.byID[c.ExternalUserID]; !ok {
		d.order = append(d.order, c.ExternalUserID)
	}
	c.Follow = slices.Clone(c.Follow)
	d.byID[c.ExternalUserID] = &c
}

// WeComCustomer returns a copy of a customer of corpID.
func (s *Server) WeComCustomer(corpID, externalUserID string) (WeComCustomer, bool) {
	d := s.wcCustomers(corpID)
	d.mu.Lock()
	defer d.mu.Unlock()
	c, ok := d.byID[externalUserID]
	if !ok {
		return WeComCustomer{}, false
	}
	out := *c
	out.Follow = slices.Clone(c.Follow)
	return out, true
}

// AddWeComGroupChat adds a customer group chat to corpID.
func (s *Server) AddWeComGroupChat(corpID string, g WeComGroupChat) {
	d := s.wcCustomers(corpID)
	d.mu.Lock()
	defer d.mu.Unlock()
	g.Members = slices.Clone(g.Members)
	d.chats = append(d.chats, &g)
}

// AddWeComMoment adds a customer moment to corpID.
func (s *Server) AddWeComMoment(corpID string, m WeComMoment) {
	d := s.wcCustomers(corpID)
	d.mu.Lock()
	defer d.mu.Unlock()
	d.moments = append(d.moments, &m)
}

// SetWeComResigned marks member userID of corpID as gone since t (Unix),
// so its customers are listed by get_unassigned_list.
func (s *Server) SetWeComResigned(corpID, userID string, t int64) {
	d := s.wcCustomers(corpID)
	d.mu.Lock()
	defer d.mu.Unlock()
	d.resigned[userID] = t
}

// follow returns the follow of userID on c, or nil.
func (c *WeComCustomer) follow(userID string) *WeComFollow {
	for i := range c.Follow {
		if c.Follow[i].UserID == userID {
			return &c.Follow[i]
		}
	}
	return nil
}

func (d *wcCustomers) followUsers() []string {
	set := map[string]bool{}
	for _, c := range d.byID {
		for _, f := range c.Follow {
			set[f.UserID] = true
		}
	}
	out := make([]string, 0, len(set))
	for u := range set {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

func (c *WeComCustomer) contactJSON() M {
	m := M{"external_userid": c.ExternalUserID, "name": c.Name, "type": c.Type, "gender": c.Gender}
	if c.UnionID != "" {
		m["unionid"] = c.UnionID
	}
	if c.CorpName != "" {
		m["corp_name"] = c.CorpName
	}
	return m
}

func (f *WeComFollow) json(d *wcCustomers, resolveTags bool) M {
	m := M{"userid": f.UserID, "remark": f.Remark, "description": f.Description, "createtime": f.CreateTime,
		"add_way": f.AddWay, "state": f.State, "remark_corp_name": f.RemarkCorp, "remark_mobiles": slices.Clone(f.RemarkMobiles)}
	if !resolveTags {
		m["tag_id"] = slices.Clone(f.TagIDs)
		return m
	}
	tags := []M{}
	for _, id := range f.TagIDs {
		if g, t := d.findTag(id); t != nil {
			typ := 1
			if g.StrategyID != 0 {
				typ = 3
			}
			tags = append(tags, M{"group_name": g.Name, "tag_name": t.Name, "tag_id": t.ID, "type": typ})
		}
	}
	m["tags"] = tags
	return m
}

func (d *wcCustomers) findTag(id string) (*wcTagGroup, *wcTag) {
	for _, g := range d.tags {
		for _, t := range g.Tags {
			if t.ID == id {
				return g, t
			}
		}
	}
	return nil, nil
}

func (d *wcCustomers) group(id string) *wcTagGroup {
	for _, g := range d.tags {
		if g.ID == id {
			return g
		}
	}
	return nil
}

func (g *wcTagGroup) json() M {
	tags := []M{}
	for _, t := range g.Tags {
		tags = append(tags, M{"id": t.ID, "name": t.Name, "create_time": t.CreateTime, "order": t.Order})
	}
	m := M{"group_id": g.ID, "group_name": g.Name, "create_time": g.CreateTime, "order": g.Order, "tag": tags}
	if g.StrategyID != 0 {
		m["strategy_id"] = g.StrategyID
	}
	return m
}

func init() { builtin = append(builtin, registerWeComCustomer, registerWeComCustomerTag) }

func registerWeComCustomer(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/92571
	s.HandleJSON(WeComPath("GET /cgi-bin/externalcontact/get_follow_user_list"), func(r *Request) (any, error) {
		d := wcCust(r)
		d.mu.Lock()
		defer d.mu.Unlock()
		return OK(M{"follow_user": d.followUsers()}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/92113
	s.HandleJSON(WeComPath("GET /cgi-bin/externalcontact/list"), func(r *Request) (any, error) {
		uid := r.Query.Get("userid")
		d := wcCust(r)
		d.mu.Lock()
		defer d.mu.Unlock()
		ids := []string{}
		for _, id := range d.order {
			if d.byID[id].follow(uid) != nil {
				ids = append(ids, id)
			}
		}
		if uid == "" || len(ids) == 0 {
			return nil, ErrCode(wcCodeNotExternalContact)
		}
		return OK(M{"external_userid": ids}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/92114 (follow users paged by 500)
	s.HandleJSON(WeComPath("GET /cgi-bin/externalcontact/get"), func(r *Request) (any, error) {
		d := wcCust(r)
		d.mu.Lock()
		defer d.mu.Unlock()
		c, ok := d.byID[r.Query.Get("external_userid")]
		if !ok {
			return nil, ErrCode(wcCodeInvalidExternalUserID)
		}
		page, next, e := wcPage(c.Follow, r.Query.Get("cursor"), 500, 500, 500)
		if e != nil {
			return nil, e
		}
		fu := []M{}
		for i := range page {
			fu = append(fu, page[i].json(d, true))
		}
		return OK(M{"external_contact": c.contactJSON(), "follow_user": fu, "next_cursor": next}), nil
	})
	// https://developer.work.weixin.qq.com/document/path/92994
	s.HandleJSON(WeComPath("POST /cgi-bin/externalcontact/batch/get_by_user"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		users := wcStrs(in, "userid_list")
		if len(users) == 0 || len(users) > 100 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid userid_list")
		}
		var items []M
		for _, u := range users {
			for _, id := range d.order {
				c := d.byID[id]
				if f := c.follow(u); f != nil {
					items = append(items, M{"external_contact": c.contactJSON(), "follow_info": f.json(d, false)})
				}
			}
		}
		page, next, e := wcPage(items, wcStr(in, "cursor"), wcInt(in, "limit"), 50, 100)
		if e != nil {
			return nil, e
		}
		return OK(M{"external_contact_list": append([]M{}, page...), "next_cursor": next}), nil
	}))
	// https://developer.work.weixin.qq.com/document/path/92115
	s.HandleJSON(WeComPath("POST /cgi-bin/externalcontact/remark"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		if e := wcNeed(in, "userid", "external_userid"); e != nil {
			return nil, e
		}
		c, ok := d.byID[wcStr(in, "external_userid")]
		if !ok {
			return nil, ErrCode(wcCodeInvalidExternalUserID)
		}
		f := c.follow(wcStr(in, "userid"))
		if f == nil {
			return nil, ErrCode(wcCodeNotExternalContact)
		}
		if v, ok := in["remark"].(string); ok {
			f.Remark = v
		}
		if v, ok := in["description"].(string); ok {
			f.Description = v
		}
		if v, ok := in["remark_company"].(string); ok {
			f.RemarkCorp = v
		}
		if _, ok := in["remark_mobiles"]; ok {
			f.RemarkMobiles = wcStrs(in, "remark_mobiles")
		}
		return nil, nil
	}))
	// https://developer.work.weixin.qq.com/document/path/92132: one item per
	// day; new_contact_cnt counts the follows added that day.
	s.HandleJSON(WeComPath("POST /cgi-bin/externalcontact/get_user_behavior_data"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		users := wcStrs(in, "userid")
		start, end := int64(wcInt(in, "start_time")), int64(wcInt(in, "end_time"))
		if len(users) == 0 && in["partyid"] == nil {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: userid and partyid empty")
		}
		if start <= 0 || end < start || end-start > 30*86400 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid time range")
		}
		var out []M
		for day := start - start%86400; day <= end; day += 86400 {
			n := 0
			for _, c := range d.byID {
				for _, f := range c.Follow {
					if slices.Contains(users, f.UserID) && f.CreateTime >= day && f.CreateTime < day+86400 {
						n++
					}
				}
			}
			out = append(out, M{"stat_time": day, "chat_cnt": n, "message_cnt": 2 * n, "reply_percentage": 100.0,
				"avg_reply_time": 1, "negative_feedback_cnt": 0, "new_apply_cnt": n, "new_contact_cnt": n})
		}
		return OK(M{"behavior_data": out}), nil
	}))
}

func registerWeComCustomerTag(s *Server) {
	list := func(strategy bool) JSONHandler {
		return func(r *Request) (any, error) {
			in := M{}
			if len(r.Body) > 0 {
				var err error
				if in, err = r.JSON(); err != nil {
					return nil, err
				}
			}
			tagIDs, groupIDs, sid := wcStrs(in, "tag_id"), wcStrs(in, "group_id"), wcInt(in, "strategy_id")
			d := wcCust(r)
			d.mu.Lock()
			defer d.mu.Unlock()
			out := []M{}
			for _, g := range d.tags {
				if strategy != (g.StrategyID != 0) || (sid != 0 && g.StrategyID != sid) {
					continue
				}
				if len(groupIDs) > 0 && slices.Contains(groupIDs, g.ID) {
					out = append(out, g.json())
					continue
				}
				if len(tagIDs) > 0 {
					sub := &wcTagGroup{ID: g.ID, Name: g.Name, StrategyID: g.StrategyID, CreateTime: g.CreateTime, Order: g.Order}
					for _, t := range g.Tags {
						if slices.Contains(tagIDs, t.ID) {
							sub.Tags = append(sub.Tags, t)
						}
					}
					if len(sub.Tags) > 0 {
						out = append(out, sub.json())
					}
					continue
				}
				if len(groupIDs) == 0 {
					out = append(out, g.json())
				}
			}
			return OK(M{"tag_group": out}), nil
		}
	}
	add := func(strategy bool) JSONHandler {
		return withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
			tags, _ := in["tag"].([]any)
			if len(tags) == 0 {
				return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: tag empty")
			}
			sid := wcInt(in, "strategy_id")
			if strategy && sid == 0 {
				return nil, Errorf(wcCodeInvalidParameter, "invalid strategy_id")
			}
			now := r.Now().Unix()
			g := d.group(wcStr(in, "group_id"))
			if g == nil {
				if wcStr(in, "group_id") != "" {
					return nil, ErrCode(wcCodeInvalidTagID)
				}
				name := wcStr(in, "group_name")
				if name == "" {
					return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: group_name empty")
				}
				for _, og := range d.tags {
					if og.Name == name && og.StrategyID == sid {
						g = og
					}
				}
				if g == nil {
					d.seq++
					g = &wcTagGroup{ID: "etgroup" + strconv.Itoa(d.seq), Name: name, StrategyID: sid, CreateTime: now, Order: wcInt(in, "order")}
					d.tags = append(d.tags, g)
				}
			}
			added := &wcTagGroup{ID: g.ID, Name: g.Name, StrategyID: g.StrategyID, CreateTime: g.CreateTime, Order: g.Order}
			for _, v := range tags {
				tm, _ := v.(M)
				name := wcStr(tm, "name")
				if name == "" {
					return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: tag name empty")
				}
				for _, t := range g.Tags {
					if t.Name == name {
						return nil, ErrCode(wcCodeTagNameExists)
					}
				}
				d.seq++
				t := &wcTag{ID: "ettag" + strconv.Itoa(d.seq), Name: name, CreateTime: now, Order: wcInt(tm, "order")}
				g.Tags = append(g.Tags, t)
				added.Tags = append(added.Tags, t)
			}
			return OK(M{"tag_group": added.json()}), nil
		})
	}
	edit := withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		id := wcStr(in, "id")
		name, hasOrder := wcStr(in, "name"), in["order"] != nil
		if g := d.group(id); g != nil {
			if name != "" {
				g.Name = name
			}
			if hasOrder {
				g.Order = wcInt(in, "order")
			}
			return nil, nil
		}
		_, t := d.findTag(id)
		if t == nil {
			return nil, ErrCode(wcCodeInvalidTagID)
		}
		if name != "" {
			t.Name = name
		}
		if hasOrder {
			t.Order = wcInt(in, "order")
		}
		return nil, nil
	})
	del := withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		tagIDs, groupIDs := wcStrs(in, "tag_id"), wcStrs(in, "group_id")
		if len(tagIDs) == 0 && len(groupIDs) == 0 {
			return nil, Errorf(wcCodeInvalidParameter, "invalid Parameter: tag_id and group_id empty")
		}
		for _, id := range tagIDs {
			if _, t := d.findTag(id); t == nil {
				return nil, ErrCode(wcCodeInvalidTagID)
			}
		}
		for _, id := range groupIDs {
			if d.group(id) == nil {
				return nil, ErrCode(wcCodeInvalidTagID)
			}
		}
		d.tags = slices.DeleteFunc(d.tags, func(g *wcTagGroup) bool {
			g.Tags = slices.DeleteFunc(g.Tags, func(t *wcTag) bool { return slices.Contains(tagIDs, t.ID) })
			return slices.Contains(groupIDs, g.ID) || len(g.Tags) == 0 // WeCom drops emptied groups
		})
		return nil, nil
	})
	const p = "POST /cgi-bin/externalcontact/"
	s.HandleJSON(WeComPath(p+"get_corp_tag_list"), list(false))
	s.HandleJSON(WeComPath(p+"add_corp_tag"), add(false))
	s.HandleJSON(WeComPath(p+"edit_corp_tag"), edit)
	s.HandleJSON(WeComPath(p+"del_corp_tag"), del)
	s.HandleJSON(WeComPath(p+"get_strategy_tag_list"), list(true))
	s.HandleJSON(WeComPath(p+"add_strategy_tag"), add(true))
	s.HandleJSON(WeComPath(p+"edit_strategy_tag"), edit)
	s.HandleJSON(WeComPath(p+"del_strategy_tag"), del)
	// https://developer.work.weixin.qq.com/document/path/92118
	s.HandleJSON(WeComPath(p+"mark_tag"), withCust(func(r *Request, in M, d *wcCustomers) (any, error) {
		if e := wcNeed(in, "userid", "external_userid"); e != nil {
			return nil, e
		}
		add, remove := wcStrs(in, "add_tag"), wcStrs(in, "remove_tag")
		c, ok := d.byID[wcStr(in, "external_userid")]
		if !ok {
			return nil, ErrCode(wcCodeInvalidExternalUserID)
		}
		f := c.follow(wcStr(in, "userid"))
		if f == nil {
			return nil, ErrCode(wcCodeNotExternalContact)
		}
		for _, id := range append(slices.Clone(add), remove...) {
			if _, t := d.findTag(id); t == nil {
				return nil, ErrCode(wcCodeInvalidTagID)
			}
		}
		for _, id := range add {
			if !slices.Contains(f.TagIDs, id) {
				f.TagIDs = append(f.TagIDs, id)
			}
		}
		f.TagIDs = slices.DeleteFunc(f.TagIDs, func(id string) bool { return slices.Contains(remove, id) })
		return nil, nil
	}))
}
