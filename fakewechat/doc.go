// Package fakewechat is a fake WeChat API server (api.weixin.qq.com) for
// offline tests of the SDK and of code built on it. It serves on loopback
// and behaves like WeChat where clients can tell:
//
//   - GET /cgi-bin/token issues a new access_token on every call; the
//     previous one keeps working for a grace period (5 minutes) only.
//   - POST /cgi-bin/stable_token returns the same token until force_refresh,
//     which invalidates the old token (at most once per 30s), or until the
//     last 5 minutes of its life, when the next token is handed out.
//   - GET /cgi-bin/ticket/getticket issues jsapi and wx_card tickets.
//   - Every other endpoint checks access_token: 41001 when missing, 40001
//     when unknown or superseded, 42001 when expired; errmsg carries the
//     ", rid: xxxxxxxx-xxxxxxxx-xxxxxxxx" suffix.
//
// Tests control time (WithClock, Advance), tokens (ExpireTokens,
// InvalidateToken), inject faults (latency, HTTP status, dropped
// connections, errcodes such as 45009, -1 or 40164 for the next N requests),
// and inspect counters (Count, Stats) and recorded requests (Requests). The
// same controls exist over HTTP under /fake/ for the standalone server run
// by `wechat mock`; GET /fake/stats answers {"METHOD /path": count}.
//
// Use from a test:
//
//	func TestMenu(t *testing.T) {
//		srv := fakewechat.NewTestServer(t)
//		srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/menu/create", Errcode: -1, Times: 1})
//		c, err := wechat.NewClient(wechat.Config{AppID: fakewechat.DefaultAppID,
//			AppSecret: fakewechat.DefaultSecret}, wechat.WithBaseURL(srv.URL()))
//		// ... call the client; the first menu/create answers "system error".
//		if n := srv.Count("GET /cgi-bin/token"); n != 1 {
//			t.Errorf("token fetched %d times, want 1", n)
//		}
//	}
//
// # Writing endpoint fakes
//
// Files of this package register endpoints on every server from init:
//
//	func init() { builtin = append(builtin, registerMenu) }
//
//	func registerMenu(s *Server) {
//		s.HandleJSON("POST /cgi-bin/menu/create", func(r *Request) (any, error) {
//			var menu map[string]any
//			if err := r.Decode(&menu); err != nil {
//				return nil, err // 44002 or 47001
//			}
//			r.State().Set("menu", menu)
//			return nil, nil // {"errcode":0,"errmsg":"ok"}
//		})
//	}
//
// The access_token is validated before the handler runs (unless the Public
// option is given) and Request.AppID names its app; returning an *Error
// answers {"errcode","errmsg"}. HandleRaw serves binary or multipart
// answers. State is a per-app store for what fakes remember.
package fakewechat
