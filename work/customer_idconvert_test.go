package work_test

import (
	"slices"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

// idConvertA returns an agent of a corp with a WeChat customer
// (wmCust001, unionid oUnion001), a WeCom customer and a group chat.
func idConvertA(t *testing.T) (*fakewechat.Server, *work.AgentClient) {
	t.Helper()
	srv, bot := botA(t)
	srv.AddWeComCustomer(fakewechat.DefaultCorpID, fakewechat.WeComCustomer{ExternalUserID: "wmCust001", Name: "Ann", Type: 1, UnionID: "oUnion001"})
	srv.AddWeComCustomer(fakewechat.DefaultCorpID, fakewechat.WeComCustomer{ExternalUserID: "woCust002", Name: "Bob", Type: 2})
	srv.AddWeComGroupChat(fakewechat.DefaultCorpID, fakewechat.WeComGroupChat{ChatID: "wrChat001", Owner: fakewechat.WeComSeedUser1,
		Members: []string{fakewechat.WeComSeedUser1, "wmCust001", "wmStranger"}})
	return srv, bot
}

func TestCustomerConvertToOpenID(t *testing.T) {
	srv, bot := idConvertA(t)
	openID, err := bot.Customer.ConvertToOpenID(ctxA, "wmCust001")
	if err != nil || openID != "oFAKECust001" {
		t.Fatal(openID, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/externalcontact/convert_to_openid"); b["external_userid"] != "wmCust001" {
		t.Fatalf("body %v", b)
	}
	_, err = bot.Customer.ConvertToOpenID(ctxA, "woCust002")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidExternalUserID) // WeCom users have no openid
	_, err = bot.Customer.ConvertToOpenID(ctxA, "wmNobody")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidExternalUserID)
	_, err = bot.Customer.ConvertToOpenID(ctxA, "")
	wantArgA(t, err, "external_userid")
}

func TestCustomerUnionIDToExternalUserID(t *testing.T) {
	srv, bot := idConvertA(t)
	id, err := bot.Customer.UnionIDToExternalUserID(ctxA, "oUnion001", "oMiniProgramOpenID")
	if err != nil || id != "wmCust001" {
		t.Fatal(id, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/externalcontact/unionid_to_external_userid"); b["unionid"] != "oUnion001" || b["openid"] != "oMiniProgramOpenID" || len(b) != 2 {
		t.Fatalf("body %v", b)
	}
	// The customer-service customers' unionids, as KFCustomer.BatchGet gives them.
	if id, err = bot.Customer.UnionIDToExternalUserID(ctxA, "oUNION"+fakewechat.WeComKFCustomer1, "o1"); err != nil || id != fakewechat.WeComKFCustomer1 {
		t.Fatal(id, err)
	}
	_, err = bot.Customer.UnionIDToExternalUserID(ctxA, "oStranger", "o1")
	wantCodeA(t, err, 84061)
	_, err = bot.Customer.UnionIDToExternalUserID(ctxA, "oUnion001", "")
	wantArgA(t, err, "openid")
}

func TestCustomerNewExternalUserIDs(t *testing.T) {
	srv, bot := idConvertA(t)
	items, err := bot.Customer.NewExternalUserIDs(ctxA, []string{"wmCust001", "woCust002", "wmSVCCust001", "wmNobody"})
	if err != nil {
		t.Fatal(err)
	}
	want := []work.NewExternalUserID{{"wmCust001", "wmSVCCust001"}, {"woCust002", "woSVCCust002"}, {"wmSVCCust001", "wmSVCCust001"}}
	if !slices.Equal(items, want) {
		t.Fatalf("items %+v", items)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/externalcontact/get_new_external_userid"); b["chat_id"] != nil || len(b["external_userid_list"].([]any)) != 4 {
		t.Fatalf("body %v", b)
	}
	items, err = bot.Customer.GroupChatNewExternalUserIDs(ctxA, "wrChat001", []string{"wmStranger", "woCust002"})
	if err != nil || !slices.Equal(items, []work.NewExternalUserID{{"wmStranger", "wmSVCStranger"}}) {
		t.Fatalf("chat items %+v %v", items, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/externalcontact/groupchat/get_new_external_userid"); b["chat_id"] != "wrChat001" {
		t.Fatalf("chat body %v", b)
	}
	_, err = bot.Customer.GroupChatNewExternalUserIDs(ctxA, "wrNoChat", []string{"wmStranger"})
	wantCodeA(t, err, 40050)
	_, err = bot.Customer.GroupChatNewExternalUserIDs(ctxA, "", []string{"wmStranger"})
	wantArgA(t, err, "chat_id")
	_, err = bot.Customer.NewExternalUserIDs(ctxA, make([]string, 1001))
	wantArgA(t, err, "external_userid_list")
	_, err = bot.Customer.NewExternalUserIDs(ctxA, nil)
	wantArgA(t, err, "external_userid_list")
}

func TestCustomerServiceExternalUserID(t *testing.T) {
	srv, bot := idConvertA(t)
	svc, err := bot.Customer.ToServiceExternalUserID(ctxA, "wmCust001")
	if err != nil || svc != "wmSVCCust001" {
		t.Fatal(svc, err)
	}
	back, err := bot.Customer.FromServiceExternalUserID(ctxA, svc, 1000005)
	if err != nil || back != "wmCust001" {
		t.Fatal(back, err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/externalcontact/from_service_external_userid"); b["source_agentid"] != float64(1000005) || b["external_userid"] != svc {
		t.Fatalf("body %v", b)
	}
	_, err = bot.Customer.ToServiceExternalUserID(ctxA, "wmNobody")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidExternalUserID)
	_, err = bot.Customer.FromServiceExternalUserID(ctxA, "wmCust001", 1000005)
	wantCodeA(t, err, fakewechat.CodeWeComInvalidExternalUserID) // not a provider id
	_, err = bot.Customer.FromServiceExternalUserID(ctxA, svc, 0)
	wantArgA(t, err, "source_agentid")
	_, err = bot.Customer.ToServiceExternalUserID(ctxA, "")
	wantArgA(t, err, "external_userid")
}
