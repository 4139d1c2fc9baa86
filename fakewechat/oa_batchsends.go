package fakewechat

import (
	"encoding/json"
	"slices"
	"sync"
)

// Official account mass sending (群发): sendall (to all or a tag), send (to
// 2..10,000 followers) and preview check the recipients and the payload of
// the msgtype (media of the right type, non-empty text), refuse a reused
// clientmsgid, and record the send as SEND_SUCCESS with its recipients.
// News sends get a msg_data_id for comment management; delete marks a send
// or one of its articles deleted.
// https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
func init() {
	stdMessages[CodeMassOpenIDListSize] = "invalid openid list size, at least two openid"
	stdMessages[CodeClientMsgIDExists] = "clientmsgid exist"
	builtin = append(builtin, registerOABatchSends)
}

// Errcodes of the mass-send endpoints.
const (
	CodeMassOpenIDListSize = 40130
	CodeClientMsgIDExists  = 45065
	oaFirstMassMsgID       = 1000000001
)

// MassSend is a mass send recorded by the fake.
type MassSend struct {
	MsgID      int64
	MsgDataID  int64 // news sends only
	MsgType    string
	Recipients []string // openids, in follower order; empty for a wxname preview
	Preview    bool
	Status     string // SEND_SUCCESS or DELETE
	urls       []string
	deleted    []bool
}

type oaMassStore struct {
	mu       sync.Mutex
	next     int64
	sends    []*MassSend
	clientID map[string]int64
	speed    int
}

func oaMass(st *State) *oaMassStore {
	return Value(st, "oa.mass", func() *oaMassStore {
		return &oaMassStore{next: oaFirstMassMsgID, clientID: map[string]int64{}}
	})
}

// MassSends returns the mass sends and previews of appid, oldest first.
func (s *Server) MassSends(appid string) []MassSend {
	ms := oaMass(s.State(appid))
	ms.mu.Lock()
	defer ms.mu.Unlock()
	out := make([]MassSend, len(ms.sends))
	for i, m := range ms.sends {
		out[i] = *m
		out[i].Recipients = slices.Clone(m.Recipients)
	}
	return out
}

// oaMassRealSpeed is the rate of each speed level, in 10,000 messages a minute.
var oaMassRealSpeed = []int{80, 60, 45, 30, 10}

// oaMassPayload is the msgtype and payloads of a mass message.
type oaMassPayload struct {
	MsgType string `json:"msgtype"`
	MPNews  *struct {
		MediaID string `json:"media_id"`
	} `json:"mpnews"`
	Text *struct {
		Content string `json:"content"`
	} `json:"text"`
	Voice, Image, MPVideo *struct {
		MediaID string `json:"media_id"`
	}
	Images *struct {
		MediaIDs []string `json:"media_ids"`
	} `json:"images"`
	WXCard *struct {
		CardID string `json:"card_id"`
	} `json:"wxcard"`
	ClientMsgID string `json:"clientmsgid"`
}

// check validates the payload of the msgtype; for news it returns the
// articles' URLs and comment settings.
func (p *oaMassPayload) check(r *Request) (urls []string, open []bool, err *Error) {
	media := func(id string, types ...string) *Error {
		if !oaMediaExists(r, id, types...) {
			return ErrCode(CodeInvalidMediaID)
		}
		return nil
	}
	switch p.MsgType {
	case "mpnews":
		if p.MPNews == nil {
			return nil, nil, ErrCode(CodeInvalidMediaID)
		}
		ms := oaMaterials(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		m := ms.lookup(p.MPNews.MediaID, r.Now())
		if m == nil || m.typ != "news" {
			return nil, nil, ErrCode(CodeInvalidMediaID)
		}
		for _, a := range m.articles {
			urls = append(urls, a.URL)
			open = append(open, a.NeedOpenComment == 1)
		}
		return urls, open, nil
	case "text":
		if p.Text == nil || p.Text.Content == "" {
			return nil, nil, ErrCode(CodeEmptyContent)
		}
	case "voice":
		if p.Voice == nil {
			return nil, nil, ErrCode(CodeInvalidMediaID)
		}
		return nil, nil, media(p.Voice.MediaID, "voice")
	case "image":
		var ids []string
		if p.Images != nil {
			ids = p.Images.MediaIDs
		} else if p.Image != nil {
			ids = []string{p.Image.MediaID}
		}
		if len(ids) == 0 {
			return nil, nil, ErrCode(CodeInvalidMediaID)
		}
		for _, id := range ids {
			if err := media(id, "image"); err != nil {
				return nil, nil, err
			}
		}
	case "mpvideo":
		if p.MPVideo == nil {
			return nil, nil, ErrCode(CodeInvalidMediaID)
		}
		return nil, nil, media(p.MPVideo.MediaID, "video")
	case "wxcard":
		if p.WXCard == nil || p.WXCard.CardID == "" {
			return nil, nil, Errorf(CodeInvalidArgs, "invalid args: card_id missing")
		}
	default:
		return nil, nil, ErrCode(CodeInvalidMessageType)
	}
	return nil, nil, nil
}

// record checks the payload and the clientmsgid and stores a send.
func (s *Server) recordMass(r *Request, p *oaMassPayload, recipients []string, preview bool) (M, error) {
	urls, open, err := p.check(r)
	if err != nil {
		return nil, err
	}
	ms := oaMass(r.State())
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if p.ClientMsgID != "" && !preview {
		if id, dup := ms.clientID[p.ClientMsgID]; dup {
			return nil, Errorf(CodeClientMsgIDExists, "clientmsgid exist, msg_id: %d", id)
		}
	}
	m := &MassSend{MsgID: ms.next, MsgType: p.MsgType, Recipients: recipients, Preview: preview, Status: "SEND_SUCCESS",
		urls: urls, deleted: make([]bool, len(urls))}
	ms.next++
	if p.ClientMsgID != "" && !preview {
		ms.clientID[p.ClientMsgID] = m.MsgID
	}
	out := M{"msg_id": m.MsgID}
	if p.MsgType == "mpnews" && !preview {
		m.MsgDataID = oaRegisterMsgData(r.State(), len(urls), func(i int) bool { return open[i] })
		out["msg_data_id"] = m.MsgDataID
	}
	ms.sends = append(ms.sends, m)
	return OK(out), nil
}

func registerOABatchSends(s *Server) {
	s.HandleJSON("POST /cgi-bin/message/mass/sendall", func(r *Request) (any, error) {
		var in struct {
			Filter *struct {
				IsToAll bool `json:"is_to_all"`
				TagID   *int `json:"tag_id"`
			} `json:"filter"`
			oaMassPayload
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Filter == nil {
			return nil, Errorf(CodeInvalidArgs, "invalid args: filter missing")
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		var to []string
		switch {
		case in.Filter.IsToAll:
			to = d.followers()
		case in.Filter.TagID == nil || d.tag(*in.Filter.TagID) == nil:
			d.mu.Unlock()
			return nil, ErrCode(oaCodeInvalidTagID)
		default:
			to = d.taggedUsers(*in.Filter.TagID)
		}
		d.mu.Unlock()
		return s.recordMass(r, &in.oaMassPayload, to, false)
	})

	s.HandleJSON("POST /cgi-bin/message/mass/send", func(r *Request) (any, error) {
		var in struct {
			ToUser []string `json:"touser"`
			oaMassPayload
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if len(in.ToUser) < 2 || len(in.ToUser) > 10000 {
			return nil, ErrCode(CodeMassOpenIDListSize)
		}
		d := s.oaUsers(r.AppID)
		d.mu.Lock()
		err := d.checkOpenIDs(in.ToUser, 10000)
		d.mu.Unlock()
		if err != nil {
			return nil, err
		}
		return s.recordMass(r, &in.oaMassPayload, slices.Clone(in.ToUser), false)
	})

	s.HandleJSON("POST /cgi-bin/message/mass/preview", func(r *Request) (any, error) {
		var in struct {
			ToUser   string `json:"touser"`
			ToWXName string `json:"towxname"`
			oaMassPayload
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		var to []string
		switch {
		case in.ToWXName != "":
		case in.ToUser == "":
			return nil, ErrCode(oaCodeInvalidOpenID)
		default:
			d := s.oaUsers(r.AppID)
			d.mu.Lock()
			err := d.checkOpenIDs([]string{in.ToUser}, 1)
			d.mu.Unlock()
			if err != nil {
				return nil, err
			}
			to = []string{in.ToUser}
		}
		return s.recordMass(r, &in.oaMassPayload, to, true)
	})

	s.HandleJSON("POST /cgi-bin/message/mass/delete", func(r *Request) (any, error) {
		var in struct {
			MsgID      int64  `json:"msg_id"`
			ArticleIdx int    `json:"article_idx"`
			URL        string `json:"url"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ms := oaMass(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		for _, m := range ms.sends {
			if m.Preview {
				continue
			}
			if in.URL != "" {
				if i := slices.Index(m.urls, in.URL); i >= 0 {
					m.deleteArticle(i + 1)
					return nil, nil
				}
				continue
			}
			if m.MsgID == in.MsgID {
				if in.ArticleIdx < 0 || in.ArticleIdx > len(m.urls) {
					return nil, ErrCode(CodeInvalidIndex)
				}
				m.deleteArticle(in.ArticleIdx)
				return nil, nil
			}
		}
		return nil, Errorf(CodeInvalidArgs, "invalid args: no such mass message")
	})

	s.HandleJSON("POST /cgi-bin/message/mass/get", func(r *Request) (any, error) {
		var in struct {
			MsgID json.Number `json:"msg_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		id, _ := in.MsgID.Int64()
		ms := oaMass(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		for _, m := range ms.sends {
			if m.MsgID == id && !m.Preview {
				return OK(M{"msg_id": m.MsgID, "msg_status": m.Status}), nil
			}
		}
		return nil, Errorf(CodeInvalidArgs, "invalid args: no such mass message")
	})

	s.HandleJSON("GET /cgi-bin/message/mass/speed/get", func(r *Request) (any, error) {
		ms := oaMass(r.State())
		ms.mu.Lock()
		defer ms.mu.Unlock()
		return M{"speed": ms.speed, "realspeed": oaMassRealSpeed[ms.speed]}, nil
	})

	s.HandleJSON("POST /cgi-bin/message/mass/speed/set", func(r *Request) (any, error) {
		var in struct {
			Speed *int `json:"speed"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Speed == nil || *in.Speed < 0 || *in.Speed >= len(oaMassRealSpeed) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: speed")
		}
		ms := oaMass(r.State())
		ms.mu.Lock()
		ms.speed = *in.Speed
		ms.mu.Unlock()
		return nil, nil
	})
}

// deleteArticle deletes article idx (1-based) or, with 0, the whole send.
func (m *MassSend) deleteArticle(idx int) {
	for i := range m.deleted {
		if idx == 0 || idx == i+1 {
			m.deleted[i] = true
		}
	}
	if idx == 0 || !slices.Contains(m.deleted, false) {
		m.Status = "DELETE"
	}
}
