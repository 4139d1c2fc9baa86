package fakewechat

// Channels shop basics (微信小店 店铺管理): basics/info/get answers the
// docs' example shop, the same for every app.
func init() { builtin = append(builtin, registerChannelsBasics) }

// ChannelsShopInfo is what GET /channels/ec/basics/info/get answers under
// "info": the documentation's example.
var ChannelsShopInfo = M{
	"nickname":     "NICKNAME",
	"headimg_url":  "HEADIMG_URL",
	"subject_type": "企业",
	"status":       "opening",
	"username":     "USERNAME",
}

func registerChannelsBasics(s *Server) {
	s.HandleJSON("GET /channels/ec/basics/info/get", func(*Request) (any, error) {
		return OK(M{"info": ChannelsShopInfo}), nil
	})
}
