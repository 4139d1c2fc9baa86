package callback

import (
	"context"
	"sync"
)

// Handler handles one push and returns the passive reply, or nil to answer
// "success". An error answers HTTP 500 so that WeChat retries, and the
// retry runs the handler again.
type Handler interface {
	ServeMessage(ctx context.Context, m *Message) (Reply, error)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, m *Message) (Reply, error)

// ServeMessage implements Handler.
func (f HandlerFunc) ServeMessage(ctx context.Context, m *Message) (Reply, error) { return f(ctx, m) }

// Middleware wraps a Handler, for logging, metrics, tracing, ...
type Middleware func(Handler) Handler

// Mux dispatches pushes to handlers by message type, by event, by
// third-party platform InfoType, or by WeCom event and ChangeType. Lookups
// are exact (event names are case-sensitive: "subscribe", "SCAN",
// "CLICK"). Pushes no handler matches go to the fallback, or answer
// "success" when there is none.
//
// Register handlers and middleware before serving; a Mux is safe for
// concurrent use once serving has started.
type Mux struct {
	mu       sync.RWMutex
	msgTypes map[string]Handler
	events   map[string]Handler
	changes  map[string]Handler // event + "\x00" + ChangeType
	infos    map[string]Handler
	fallback Handler
	mw       []Middleware
}

// NewMux returns an empty Mux.
func NewMux() *Mux {
	return &Mux{
		msgTypes: map[string]Handler{},
		events:   map[string]Handler{},
		changes:  map[string]Handler{},
		infos:    map[string]Handler{},
	}
}

// Use appends middleware; the first added is the outermost. Middleware
// runs around every handler, the fallback included.
func (x *Mux) Use(mw ...Middleware) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.mw = append(x.mw, mw...)
}

// HandleMsgType routes normal messages of MsgType msgType (not "event").
func (x *Mux) HandleMsgType(msgType string, h HandlerFunc) { x.set(x.msgTypes, msgType, h) }

// HandleText routes text messages.
func (x *Mux) HandleText(h HandlerFunc) { x.HandleMsgType(MsgTypeText, h) }

// HandleImage routes image messages.
func (x *Mux) HandleImage(h HandlerFunc) { x.HandleMsgType(MsgTypeImage, h) }

// HandleVoice routes voice messages.
func (x *Mux) HandleVoice(h HandlerFunc) { x.HandleMsgType(MsgTypeVoice, h) }

// HandleVideo routes video messages.
func (x *Mux) HandleVideo(h HandlerFunc) { x.HandleMsgType(MsgTypeVideo, h) }

// HandleShortVideo routes short video messages.
func (x *Mux) HandleShortVideo(h HandlerFunc) { x.HandleMsgType(MsgTypeShortVideo, h) }

// HandleLocation routes location messages.
func (x *Mux) HandleLocation(h HandlerFunc) { x.HandleMsgType(MsgTypeLocation, h) }

// HandleLink routes link messages.
func (x *Mux) HandleLink(h HandlerFunc) { x.HandleMsgType(MsgTypeLink, h) }

// HandleEvent routes events named event (Event* constants). A push without
// MsgType whose InfoType is event (the suite form of WeCom changes such as
// change_contact) goes here too when no HandleInfoType or HandleChange
// matches it.
func (x *Mux) HandleEvent(event string, h HandlerFunc) { x.set(x.events, event, h) }

// HandleChange routes WeCom events by Event and ChangeType, for example
// HandleChange(EventChangeContact, ChangeCreateUser, h). It takes
// precedence over HandleEvent for the same event. It also receives the
// suite form of the same change (InfoType change_contact, no MsgType), so
// one registration serves both an app's and a suite's callback.
func (x *Mux) HandleChange(event, changeType string, h HandlerFunc) {
	x.set(x.changes, event+"\x00"+changeType, h)
}

// HandleInfoType routes third-party platform notifications by InfoType.
func (x *Mux) HandleInfoType(infoType string, h HandlerFunc) { x.set(x.infos, infoType, h) }

// Fallback sets the handler for pushes nothing else matches.
func (x *Mux) Fallback(h HandlerFunc) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.fallback = h
}

func (x *Mux) set(m map[string]Handler, key string, h HandlerFunc) {
	if h == nil {
		panic("callback: nil handler for " + key)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	m[key] = h
}

// Route returns the handler that m would be dispatched to (without
// middleware), or nil.
func (x *Mux) Route(m *Message) Handler {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.route(m)
}

func (x *Mux) route(m *Message) Handler {
	switch {
	case m.InfoType != "" && m.MsgType == "":
		// WeCom suites push contact and customer changes with InfoType in
		// place of Event: the same registrations receive both forms.
		if m.ChangeType != "" && len(x.changes) > 0 {
			if h := x.changes[m.InfoType+"\x00"+m.ChangeType]; h != nil {
				return h
			}
		}
		if h := x.infos[m.InfoType]; h != nil {
			return h
		}
		if h := x.events[m.InfoType]; h != nil {
			return h
		}
	case m.MsgType == MsgTypeEvent:
		if m.ChangeType != "" && len(x.changes) > 0 {
			if h := x.changes[m.Event+"\x00"+m.ChangeType]; h != nil {
				return h
			}
		}
		if h := x.events[m.Event]; h != nil {
			return h
		}
	default:
		if h := x.msgTypes[m.MsgType]; h != nil {
			return h
		}
	}
	return x.fallback
}

// ServeMessage implements Handler.
func (x *Mux) ServeMessage(ctx context.Context, m *Message) (Reply, error) {
	x.mu.RLock()
	h := x.route(m)
	mw := x.mw
	x.mu.RUnlock()
	if h == nil {
		if len(mw) == 0 {
			return nil, nil
		}
		h = HandlerFunc(func(context.Context, *Message) (Reply, error) { return nil, nil })
	}
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h.ServeMessage(ctx, m)
}
