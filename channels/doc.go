// Package channels is the WeChat Channels shop API (视频号小店, now 微信小店;
// paths /channels/ec/...): one service per API group, reached as fields of
// a Client (client.Products.Get(ctx, id, channels.ProductDataOnline)).
//
// A shop has its own appid and appsecret and takes the same access token
// (stable_token) as other apps, so a client is made like a mini program's:
//
//	client, err := channels.New(wechat.Config{AppID: "wx...", AppSecret: "..."})
//	if err != nil {
//		return err
//	}
//	info, err := client.Basics.Info(ctx)
//	if err != nil {
//		return err
//	}
//	fmt.Println(info.Nickname, info.Status)
//	for id, err := range client.Products.List(ctx, channels.ProductListOptions{PageSize: 30}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(id)
//	}
//
// Argument errors are *InvalidArgumentError, caught before any request;
// WeChat's answers with an errcode are *wechat.APIError. Package fakewechat
// serves these endpoints for offline tests.
//
// https://developers.weixin.qq.com/doc/store/shop/API/
package channels
