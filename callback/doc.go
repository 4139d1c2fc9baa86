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
// Signatures and the AES message format are in the standalone package
// callback/msgcrypt.
//
// Official documentation:
// https://developers.weixin.qq.com/doc/service/guide/dev/push/,
// https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html,
// https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Message_encryption_and_decryption.html,
// https://developer.work.weixin.qq.com/document/path/90930.
package callback
