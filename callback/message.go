package callback

import (
	"strconv"
	"strings"
)

// Field is one element of a push, in document order. Elements below <xml>
// have Depth 0, their children Depth 1, and so on. A Container has
// children and no Value. Repeated elements (item, List, ...) appear once
// per occurrence.
type Field struct {
	Name      string
	Value     string
	Depth     int
	Container bool
}

// Message is one push from WeChat: a normal message (MsgType text, image,
// ...), an event (MsgType event), a third-party platform notification
// (InfoType) or a WeCom callback. The common fields are parsed into struct
// fields; every element, known or not, is also kept in document order and
// is reachable with Get, Lookup, Node and Fields, so unknown message kinds
// arrive intact.
//
// Every documented push also has a typed view: Kind finds its entry in the
// table of kinds (Kinds), and the accessor named after the entry's struct
// (MassSendJobFinish, ContactChange, MediaCheck, SuiteTicket, ...) or
// Typed decodes it. The views are filled by Decode, which reads a struct's
// `push` tags and also serves structs of your own. Times and counts are
// numbers: a CreateTime or AuthorizationCodeExpiredTime that is not one
// fails the parse, and a typed field that is not one makes its accessor
// report false (Decode returns a *FieldError naming the element).
//
// Field names follow the official documentation:
// https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_standard_messages.html,
// https://developers.weixin.qq.com/doc/service/guide/product/message/Receiving_event_pushes.html,
// https://developer.work.weixin.qq.com/document/path/90240.
//
// A Message and its strings are valid after the handler returns; the
// Message must not be modified concurrently.
type Message struct {
	ToUserName   string // receiver: the account's original id, or the corp id (WeCom)
	FromUserName string // sender: the user's openid, or userid (WeCom)
	CreateTime   int64  // unix seconds
	MsgType      string // MsgType*
	Event        string // Event* when MsgType is "event"
	EventKey     string // menu key, scene (see Scene), page path, ...
	MsgID        string // MsgId (normal messages) or MsgID (job-finished events)
	MsgDataID    string // MsgDataId: id of the article a message was sent from
	Idx          string // index of that article

	// Normal messages.
	Content      string // text
	PicURL       string // image (PicUrl)
	MediaID      string // image, voice, video, shortvideo (MediaId)
	Format       string // voice
	Recognition  string // voice, when speech recognition is on
	ThumbMediaID string // video, shortvideo, miniprogrampage (ThumbMediaId)
	LocationX    string // location: latitude (Location_X)
	LocationY    string // location: longitude (Location_Y)
	Scale        string // location
	Label        string // location
	Title        string // link, miniprogrampage, file
	Description  string // link, file
	URL          string // link (Url)

	// Events.
	Ticket    string // subscribe/SCAN by QR code: the ticket
	Latitude  string // LOCATION
	Longitude string // LOCATION
	Precision string // LOCATION
	Status    string // TEMPLATESENDJOBFINISH, MASSSENDJOBFINISH
	KfAccount string // kf_create_session, kf_close_session
	CardID    string // card events (CardId)

	// Third-party platform notifications.
	AppID                        string // AppId: the component appid, or the mini program appid of a miniprogrampage
	InfoType                     string // InfoType*
	ComponentVerifyTicket        string
	AuthorizerAppID              string // AuthorizerAppid
	AuthorizationCode            string
	AuthorizationCodeExpiredTime int64
	PreAuthCode                  string

	// WeCom.
	AgentID        string // AgentID
	ChangeType     string // change_contact, change_external_contact, ...
	UserID         string // UserID
	ExternalUserID string // ExternalUserID

	fields []Field
	badNum string    // first top-level number field whose text is not a number
	buf    [16]Field // backing store for the first fields: one allocation per message
}

// Fields returns every element of the push in document order. The slice
// belongs to the Message.
func (m *Message) Fields() []Field { return m.fields }

// Get returns the text of the first top-level element called name, or "".
func (m *Message) Get(name string) string {
	v, _ := m.Lookup(name)
	return v
}

// Lookup is Get that also reports whether the element exists.
func (m *Message) Lookup(name string) (string, bool) {
	for i := range m.fields {
		if f := &m.fields[i]; f.Depth == 0 && f.Name == name {
			return f.Value, true
		}
	}
	return "", false
}

// Node returns the top-level element called name as a Node (for nested
// elements such as ScanCodeInfo), and whether it exists.
func (m *Message) Node(name string) (Node, bool) {
	return Node{fields: m.fields, idx: -1, depth: -1}.Child(name)
}

// Root returns the whole push as a Node whose children are the top-level
// elements.
func (m *Message) Root() Node { return Node{fields: m.fields, idx: -1, depth: -1} }

// IsEvent reports whether the push is an event (MsgType "event").
func (m *Message) IsEvent() bool { return m.MsgType == MsgTypeEvent }

// Scene returns the QR code scene of a subscribe or SCAN event: EventKey
// without the "qrscene_" prefix that subscribe events carry.
func (m *Message) Scene() string { return strings.TrimPrefix(m.EventKey, "qrscene_") }

// Node is an element of a Message viewed as a tree.
type Node struct {
	fields []Field
	idx    int // index in fields; -1 for the root
	depth  int // depth of the node; -1 for the root
}

// Name returns the element name ("" for the root).
func (n Node) Name() string {
	if n.idx < 0 || n.idx >= len(n.fields) {
		return ""
	}
	return n.fields[n.idx].Name
}

// Value returns the element's text ("" for containers).
func (n Node) Value() string {
	if n.idx < 0 || n.idx >= len(n.fields) {
		return ""
	}
	return n.fields[n.idx].Value
}

// Children returns the direct children of n.
func (n Node) Children() []Node {
	var out []Node
	for i := n.idx + 1; i < len(n.fields) && n.fields[i].Depth > n.depth; i++ {
		if n.fields[i].Depth == n.depth+1 {
			out = append(out, Node{fields: n.fields, idx: i, depth: n.depth + 1})
		}
	}
	return out
}

// Child returns the first direct child called name.
func (n Node) Child(name string) (Node, bool) {
	for i := n.idx + 1; i < len(n.fields) && n.fields[i].Depth > n.depth; i++ {
		if f := &n.fields[i]; f.Depth == n.depth+1 && f.Name == name {
			return Node{fields: n.fields, idx: i, depth: n.depth + 1}, true
		}
	}
	return Node{}, false
}

// All returns every direct child called name (repeated elements such as
// item or List).
func (n Node) All(name string) []Node {
	var out []Node
	for i := n.idx + 1; i < len(n.fields) && n.fields[i].Depth > n.depth; i++ {
		if f := &n.fields[i]; f.Depth == n.depth+1 && f.Name == name {
			out = append(out, Node{fields: n.fields, idx: i, depth: n.depth + 1})
		}
	}
	return out
}

// Get returns the text of the first direct child called name, or "".
func (n Node) Get(name string) string {
	c, _ := n.Child(name)
	return c.Value()
}

// Path follows names from n, one level per name, and returns the text of
// the element reached, or "".
func (n Node) Path(names ...string) string {
	cur := n
	for _, name := range names {
		c, ok := cur.Child(name)
		if !ok {
			return ""
		}
		cur = c
	}
	return cur.Value()
}

func (m *Message) reset() {
	*m = Message{}
	m.fields = m.buf[:0]
}

// add records one parsed element and fills the struct field it maps to.
func (m *Message) add(name, value string, depth int, container bool) {
	m.fields = append(m.fields, Field{Name: name, Value: value, Depth: depth, Container: container})
	if depth != 0 || container {
		return
	}
	switch name {
	case "ToUserName":
		m.ToUserName = value
	case "FromUserName":
		m.FromUserName = value
	case "CreateTime":
		m.CreateTime = m.number(name, value)
	case "MsgType":
		m.MsgType = value
	case "Event":
		m.Event = value
	case "EventKey":
		m.EventKey = value
	case "MsgId", "MsgID":
		m.MsgID = value
	case "MsgDataId":
		m.MsgDataID = value
	case "Idx":
		m.Idx = value
	case "Content":
		m.Content = value
	case "PicUrl":
		m.PicURL = value
	case "MediaId":
		m.MediaID = value
	case "Format":
		m.Format = value
	case "Recognition":
		m.Recognition = value
	case "ThumbMediaId":
		m.ThumbMediaID = value
	case "Location_X":
		m.LocationX = value
	case "Location_Y":
		m.LocationY = value
	case "Scale":
		m.Scale = value
	case "Label":
		m.Label = value
	case "Title":
		m.Title = value
	case "Description":
		m.Description = value
	case "Url":
		m.URL = value
	case "Ticket":
		m.Ticket = value
	case "Latitude":
		m.Latitude = value
	case "Longitude":
		m.Longitude = value
	case "Precision":
		m.Precision = value
	case "Status":
		m.Status = value
	case "KfAccount":
		m.KfAccount = value
	case "CardId":
		m.CardID = value
	case "AppId":
		m.AppID = value
	case "InfoType":
		m.InfoType = value
	case "ComponentVerifyTicket":
		m.ComponentVerifyTicket = value
	case "AuthorizerAppid":
		m.AuthorizerAppID = value
	case "AuthorizationCode":
		m.AuthorizationCode = value
	case "AuthorizationCodeExpiredTime":
		m.AuthorizationCodeExpiredTime = m.number(name, value)
	case "PreAuthCode":
		m.PreAuthCode = value
	case "AgentID":
		m.AgentID = value
	case "ChangeType":
		m.ChangeType = value
	case "UserID":
		m.UserID = value
	case "ExternalUserID":
		m.ExternalUserID = value
	}
}

// number parses the text of a top-level number field. An empty element
// is absent (0); text that is not a number is remembered so that the parse
// fails instead of leaving a silent 0.
func (m *Message) number(name, value string) int64 {
	if value == "" {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
	if err != nil && m.badNum == "" {
		m.badNum = name
	}
	return n
}

// checkNumbers reports a number field of Message whose text is not a
// number (see number).
func (m *Message) checkNumbers() error {
	if m.badNum == "" {
		return nil
	}
	return &FieldError{Field: m.badNum, Type: "integer"}
}

// ParseXML parses a decrypted (or plaintext) XML push. The root element
// must be <xml>. Errors match ErrMalformed; a CreateTime or
// AuthorizationCodeExpiredTime that is not a number is a *FieldError.
func ParseXML(body []byte) (*Message, error) {
	return parseXMLString(string(body))
}

func parseXMLString(src string) (*Message, error) {
	m := new(Message)
	m.reset()
	sc := scanner[string]{src: src, msg: m}
	if err := sc.parse(); err != nil {
		return nil, err
	}
	if err := m.checkNumbers(); err != nil {
		return nil, err
	}
	return m, nil
}
