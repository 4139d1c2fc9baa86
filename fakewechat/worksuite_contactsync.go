package fakewechat

import (
	"slices"
	"time"
)

// ContactSyncTTL is how long the contact_sync access_token of
// get_register_info works (until contact_sync_success ends it earlier).
const ContactSyncTTL = 30 * time.Minute

// CodeContactSyncTokenInvalid is WeCom's "invalid access_token": a
// contact_sync token that is unknown or was ended by contact_sync_success.
const CodeContactSyncTokenInvalid = 40014

func init() {
	if _, ok := stdMessages[CodeContactSyncTokenInvalid]; !ok {
		stdMessages[CodeContactSyncTokenInvalid] = "invalid access_token"
	}
}

// contactSync is the address-book migration of a registered corp.
type contactSync struct {
	token, corp string
	expires     time.Time
	done        bool
	scopes      map[int64]appScope // agent id -> visible range set by set_scope
}

type appScope struct {
	users         []string
	parties, tags []int64
}

func contactSyncs(w *suiteWorld) map[string]*contactSync {
	if w.syncs == nil {
		w.syncs = map[string]*contactSync{}
	}
	return w.syncs
}

// contactSync returns the contact_sync token of the corp registered with
// registerCode (issued on the first query) and its seconds left.
func (w *suiteWorld) contactSync(now time.Time, registerCode, corp string) (string, int) {
	m := contactSyncs(w)
	c := m[registerCode]
	if c == nil {
		c = &contactSync{token: "contactsync@" + randToken(32), corp: corp, expires: now.Add(ContactSyncTTL), scopes: map[int64]appScope{}}
		m[registerCode] = c
	}
	left := int(c.expires.Sub(now) / time.Second)
	return c.token, max(left, 0)
}

// syncByToken checks a contact_sync access_token: 41001 missing, 40014
// unknown or ended, 42001 expired.
func (w *suiteWorld) syncByToken(now time.Time, tok string) (*contactSync, error) {
	if tok == "" {
		return nil, ErrCode(CodeTokenMissing)
	}
	for _, code := range sortedKeys(contactSyncs(w)) {
		c := w.syncs[code]
		if c.token != tok {
			continue
		}
		switch {
		case c.done:
			return nil, ErrCode(CodeContactSyncTokenInvalid)
		case !now.Before(c.expires):
			return nil, ErrCode(CodeTokenExpired)
		}
		return c, nil
	}
	return nil, ErrCode(CodeContactSyncTokenInvalid)
}

// RegisteredScope returns the visible range set_scope gave app agentID of
// a corp registered through a registration code (ok false if never set).
func (s *Server) RegisteredScope(corpID string, agentID int64) (users []string, parties, tags []int64, ok bool) {
	w := s.suiteWorld()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, code := range sortedKeys(contactSyncs(w)) {
		if c := w.syncs[code]; c.corp == corpID {
			if sc, found := c.scopes[agentID]; found {
				return slices.Clone(sc.users), slices.Clone(sc.parties), slices.Clone(sc.tags), true
			}
		}
	}
	return nil, nil, nil, false
}

func registerSuiteContactSync(s *Server) {
	// https://developer.work.weixin.qq.com/document/path/90583
	// Users, departments and tags unknown to the corp's address book come
	// back as invalid; the others become the app's range.
	s.HandleJSON(WeComPath("POST /cgi-bin/agent/set_scope"), func(r *Request) (any, error) {
		var in struct {
			AgentID    int64    `json:"agentid"`
			AllowUser  []string `json:"allow_user"`
			AllowParty []int64  `json:"allow_party"`
			AllowTag   []int64  `json:"allow_tag"`
		}
		w := s.suiteWorld()
		w.mu.Lock()
		c, err := w.syncByToken(r.Now(), r.Query.Get("access_token"))
		w.mu.Unlock()
		if err != nil {
			return nil, err
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.AgentID <= 0 {
			return nil, ErrCode(CodeWeComInvalidAgentID)
		}
		sc := appScope{users: []string{}, parties: []int64{}, tags: []int64{}}
		badUsers, badParties, badTags := []string{}, []int64{}, []int64{}
		d := s.wecomDir(c.corp)
		d.mu.Lock()
		for _, u := range in.AllowUser {
			if d.users[u] != nil {
				sc.users = append(sc.users, u)
			} else {
				badUsers = append(badUsers, u)
			}
		}
		for _, id := range in.AllowParty {
			if d.depts[id] != nil {
				sc.parties = append(sc.parties, id)
			} else {
				badParties = append(badParties, id)
			}
		}
		for _, id := range in.AllowTag {
			if d.tags[id] != nil {
				sc.tags = append(sc.tags, id)
			} else {
				badTags = append(badTags, id)
			}
		}
		d.mu.Unlock()
		w.mu.Lock()
		c.scopes[in.AgentID] = sc
		w.mu.Unlock()
		return OK(M{"invaliduser": badUsers, "invalidparty": badParties, "invalidtag": badTags}), nil
	}, Public())

	// https://developer.work.weixin.qq.com/document/path/90584
	s.HandleJSON(WeComPath("GET /cgi-bin/sync/contact_sync_success"), func(r *Request) (any, error) {
		w := s.suiteWorld()
		w.mu.Lock()
		defer w.mu.Unlock()
		c, err := w.syncByToken(r.Now(), r.Query.Get("access_token"))
		if err != nil {
			return nil, err
		}
		c.done = true
		return OK(nil), nil
	}, Public())
}
