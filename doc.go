// Package wechat is the core of the WeChat SDK for Go: the client, the one
// request path every endpoint goes through, errors, token management and
// the Store interface. Product packages (oa, pay, callback, ...) describe
// their endpoints on top of it.
package wechat
