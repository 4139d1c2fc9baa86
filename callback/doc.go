// Package callback receives what WeChat pushes to a developer's server:
// messages and events of official accounts and mini programs, third-party
// platform notifications and WeCom (企业微信) callbacks, in plaintext,
// compatible and safe mode, as XML or JSON.
//
// A Server is an http.Handler for the push URL. It answers the GET URL
// verification, checks signatures (constant time) and the timestamp
// window, bounds the body, decrypts, parses the push into a *Message,
// answers WeChat's retries with the first answer through a wechat.Store
// (the handler runs once), calls a Handler (usually
// a *Mux that routes by message type, event, ChangeType or InfoType) and
// writes the Reply, encrypted when the push was. A nil Reply answers
// "success". Component handles a third-party platform's
// component_verify_ticket and authorization events; WorkServer serves
// several agents of a WeCom corp.
//
// The parser is a small strict scanner for WeChat's XML and keeps every
// element, known or not, so new message kinds arrive intact. The hot path
// (decrypt, parse, route, reply, encrypt, sign) allocates a handful of
// times per message.
//
// Use safe mode: with an EncodingAESKey configured, a Server refuses
// unencrypted pushes unless Config.AcceptPlaintext is set, because the URL
// signature of a plaintext push covers the token, timestamp and nonce but
// not the body (whoever sees one push URL can post any message with it
// within the timestamp window).
//
// De-duplication marks live in Config.Store; give every instance serving
// the same account the same shared store (Redis), since WeChat's retries
// may reach another instance. A retry is answered "success" only after a
// handler run succeeded; while the push is being handled elsewhere it gets
// 503 so that WeChat retries again.
//
// Serve a Server or WorkServer behind an http.Server with timeouts, so
// that slow or idle clients cannot hold connections:
//
//	server := &http.Server{
//		Addr:              ":8443",
//		Handler:           srv, // a *callback.Server
//		ReadHeaderTimeout: 5 * time.Second,
//		ReadTimeout:       10 * time.Second,
//		WriteTimeout:      15 * time.Second, // above RetryWait plus the handler's time
//		IdleTimeout:       60 * time.Second,
//	}
//	log.Fatal(server.ListenAndServeTLS("cert.pem", "key.pem"))
//
// Rejected requests are logged at Warn level (handler failures at Error)
// to Config.Logger, default slog.Default(); slog.New(slog.DiscardHandler)
// turns logging off. Tokens, keys and message contents are never logged.
//
// Signatures and the AES message format are in the standalone package
// callback/msgcrypt.
//
// Official documentation:
// https://developers.weixin.qq.com/doc/service/guide/dev/push/,
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html,
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Message_encryption_and_decryption.html,
// https://developer.work.weixin.qq.com/document/path/90930.
package callback
