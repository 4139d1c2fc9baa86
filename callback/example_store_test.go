package callback_test

import "github.com/weixin-go/wechat"

func newStore() wechat.Store { return wechat.NewMemoryStore() }
