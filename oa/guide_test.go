package oa_test

import (
	"context"
	"slices"
	"testing"

	"github.com/weixin-go/wechat/oa"
)

func TestGuide(t *testing.T) {
	ctx := context.Background()
	srv, c := newAClient(t)
	ids := addFollowersA(srv, 5)
	g := c.Guide
	alice, bob := oa.GuideRef{Account: "alice_wx"}, oa.GuideRef{Account: "bob_wx"}

	// Guides.
	for _, ref := range []oa.GuideRef{alice, bob} {
		if err := g.AddGuide(ctx, &oa.Guide{GuideRef: ref, Nickname: "顾问 " + ref.Account}); err != nil {
			t.Fatal(err)
		}
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/guide/addguideacct"); body["guide_account"] != "bob_wx" || body["guide_nickname"] != "顾问 bob_wx" {
		t.Errorf("addguideacct body %v", body)
	}
	apiCodeA(t, g.AddGuide(ctx, &oa.Guide{GuideRef: alice}), 40097)
	argErrA(t, srv, "POST /none", g.AddGuide(ctx, &oa.Guide{Nickname: "x"}), "guide_account")
	if err := g.UpdateGuide(ctx, &oa.Guide{GuideRef: alice, Nickname: "Alice"}); err != nil {
		t.Fatal(err)
	}
	got, err := g.Guide(ctx, alice)
	if err != nil || got.Nickname != "Alice" || got.OpenID == "" || got.CreateTime == 0 {
		t.Fatalf("Guide = %+v, %v", got, err)
	}
	if again, err := g.Guide(ctx, oa.GuideRef{OpenID: got.OpenID}); err != nil || again.Account != "alice_wx" {
		t.Errorf("Guide by openid = %+v, %v", again, err)
	}
	if p, err := g.Guides(ctx, 0, 1); err != nil || p.TotalNum != 2 || len(p.List) != 1 || p.List[0].Account != "alice_wx" {
		t.Errorf("Guides = %+v, %v", p, err)
	}
	var all []string
	for gd, err := range g.AllGuides(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, gd.Account)
	}
	if !slices.Equal(all, []string{"alice_wx", "bob_wx"}) {
		t.Errorf("AllGuides = %v", all)
	}
	_, err = g.Guides(ctx, 0, 101)
	argErrA(t, srv, "POST /none", err, "num")
	if u, err := g.GuideQRCode(ctx, alice, "scene"); err != nil || u == "" {
		t.Errorf("GuideQRCode = %q, %v", u, err)
	}
	if n, list, err := g.GuideChatRecords(ctx, &oa.GuideChatRecordsRequest{GuideRef: alice, OpenID: ids[0], Num: 10}); err != nil || n != 1 || list[0].Content == "" {
		t.Errorf("GuideChatRecords = %d %+v, %v", n, list, err)
	}

	// Configuration.
	cfg := &oa.GuideConfig{FastReplyList: []oa.GuideReply{{Content: "稍等&马上"}}, AutoReply: &oa.GuideReply{Content: "hi", MsgType: 1}}
	if err := g.SetGuideConfig(ctx, alice, false, cfg); err != nil {
		t.Fatal(err)
	}
	if got, err := g.GuideConfig(ctx, alice); err != nil || len(got.FastReplyList) != 1 || got.FastReplyList[0].Content != "稍等&马上" || got.AutoReply.MsgType != 1 {
		t.Errorf("GuideConfig = %+v, %v", got, err)
	}
	acfg := &oa.GuideAccountConfig{AutoReply: &oa.GuideReply{Content: "welcome", MsgType: 1}}
	if err := g.SetGuideAccountConfig(ctx, false, acfg); err != nil {
		t.Fatal(err)
	}
	if got, err := g.GuideAccountConfig(ctx); err != nil || got.AutoReply == nil || got.AutoReply.Content != "welcome" {
		t.Errorf("GuideAccountConfig = %+v, %v", got, err)
	}
	if err := g.PushShowWxaPathMenu(ctx, "alice_wx", "wx_mini", "pages/index"); err != nil {
		t.Error(err)
	}

	// Buyers.
	res, err := g.AddGuideBuyers(ctx, alice, []oa.GuideBuyer{{OpenID: ids[0], Nickname: "b0"}, {OpenID: ids[1]}, {OpenID: ids[2]}})
	if err != nil || len(res) != 3 || res[0].RetCode != 0 {
		t.Fatalf("AddGuideBuyers = %+v, %v", res, err)
	}
	if res, _ := g.AddGuideBuyers(ctx, bob, []oa.GuideBuyer{{OpenID: ids[0]}, {OpenID: ids[3]}}); res[0].RetCode == 0 || res[1].RetCode != 0 {
		t.Errorf("a buyer bound twice: %+v", res)
	}
	_, err = g.AddGuideBuyers(ctx, alice, nil)
	argErrA(t, srv, "POST /none", err, "buyer_list")
	if p, err := g.GuideBuyers(ctx, alice, 0, 10); err != nil || p.TotalNum != 3 || p.List[0].Nickname != "b0" {
		t.Errorf("GuideBuyers = %+v, %v", p, err)
	}
	if err := g.UpdateGuideBuyer(ctx, alice, oa.GuideBuyer{OpenID: ids[1], Nickname: "b1"}); err != nil {
		t.Fatal(err)
	}
	if b, err := g.GuideBuyer(ctx, alice, ids[1]); err != nil || b.Nickname != "b1" {
		t.Errorf("GuideBuyer = %+v, %v", b, err)
	}
	if gb, err := g.GuideOfBuyer(ctx, ids[3]); err != nil || gb.GuideRef.Account != "bob_wx" || gb.GuideBuyer.OpenID != ids[3] {
		t.Errorf("GuideOfBuyer = %+v, %v", gb, err)
	}
	if res, err := g.RebindGuideBuyers(ctx, alice, bob, []string{ids[2]}); err != nil || res[0].RetCode != 0 {
		t.Errorf("RebindGuideBuyers = %+v, %v", res, err)
	}
	if _, body := reqA(t, srv, "POST /cgi-bin/guide/rebindguideacctforbuyer"); body["old_guide_account"] != "alice_wx" || body["new_guide_account"] != "bob_wx" {
		t.Errorf("rebind body %v", body)
	}
	if res, err := g.DeleteGuideBuyers(ctx, bob, []string{ids[3]}); err != nil || res[0].RetCode != 0 {
		t.Errorf("DeleteGuideBuyers = %+v, %v", res, err)
	}
	if p, _ := g.GuideBuyers(ctx, bob, 0, 10); p.TotalNum != 1 || p.List[0].OpenID != ids[2] {
		t.Errorf("bob's buyers = %+v", p)
	}

	// Tags.
	if err := g.NewGuideTagOption(ctx, "level", []string{"gold"}); err != nil {
		t.Fatal(err)
	}
	if err := g.AddGuideTagValues(ctx, "level", []string{"silver"}); err != nil {
		t.Fatal(err)
	}
	apiCodeA(t, g.NewGuideTagOption(ctx, "level", []string{"x"}), 40097)
	argErrA(t, srv, "POST /none", g.NewGuideTagOption(ctx, "", []string{"x"}), "tag_name")
	if opts, err := g.GuideTagOptions(ctx); err != nil || len(opts) != 1 || !slices.Equal(opts[0].Values, []string{"gold", "silver"}) {
		t.Errorf("GuideTagOptions = %+v, %v", opts, err)
	}
	if res, err := g.TagGuideBuyers(ctx, alice, "gold", []string{ids[0], ids[1]}); err != nil || res[1].RetCode != 0 {
		t.Errorf("TagGuideBuyers = %+v, %v", res, err)
	}
	if _, err := g.TagGuideBuyers(ctx, alice, "bronze", []string{ids[0]}); err == nil {
		t.Error("unknown tag value accepted")
	}
	if v, err := g.GuideBuyerTags(ctx, alice, ids[0]); err != nil || !slices.Equal(v, []string{"gold"}) {
		t.Errorf("GuideBuyerTags = %v, %v", v, err)
	}
	if _, err := g.UntagGuideBuyers(ctx, alice, "gold", []string{ids[1]}); err != nil {
		t.Error(err)
	}
	if got, err := g.GuideBuyersByTag(ctx, alice, 0, []string{"gold"}); err != nil || !slices.Equal(got, ids[:1]) {
		t.Errorf("GuideBuyersByTag = %v, %v", got, err)
	}
	if err := g.AddGuideBuyerDisplayTags(ctx, alice, ids[0], []string{"VIP"}); err != nil {
		t.Fatal(err)
	}
	if d, err := g.GuideBuyerDisplayTags(ctx, alice, ids[0]); err != nil || !slices.Equal(d, []string{"VIP"}) {
		t.Errorf("GuideBuyerDisplayTags = %v, %v", d, err)
	}
	if err := g.DeleteGuideTagOption(ctx, "level"); err != nil {
		t.Fatal(err)
	}

	// Groups.
	gid, err := g.NewGuideGroup(ctx, "north")
	if err != nil || gid == 0 {
		t.Fatalf("NewGuideGroup = %d, %v", gid, err)
	}
	if err := g.AddGuideToGroup(ctx, gid, "alice_wx"); err != nil {
		t.Fatal(err)
	}
	if groups, err := g.GuideGroups(ctx); err != nil || len(groups) != 1 || groups[0].Name != "north" || groups[0].ID != gid {
		t.Errorf("GuideGroups = %+v, %v", groups, err)
	}
	if p, err := g.GuideGroupInfo(ctx, gid, 0, 10); err != nil || p.TotalNum != 1 || p.List[0].Account != "alice_wx" {
		t.Errorf("GuideGroupInfo = %+v, %v", p, err)
	}
	if ids, err := g.GroupsOfGuide(ctx, "alice_wx"); err != nil || !slices.Equal(ids, []int64{gid}) {
		t.Errorf("GroupsOfGuide = %v, %v", ids, err)
	}
	if err := g.RemoveGuideFromGroup(ctx, gid, "alice_wx"); err != nil {
		t.Fatal(err)
	}
	if err := g.DeleteGuideGroup(ctx, gid); err != nil {
		t.Fatal(err)
	}
	apiCodeA(t, g.DeleteGuideGroup(ctx, gid), 40097)

	// Material.
	card := oa.GuideCard{Title: "商品", AppID: "wx_mini", Path: "pages/item?id=1", MediaID: "media1"}
	if err := g.SetGuideCardMaterial(ctx, oa.GuideMaterialAccount, card); err != nil {
		t.Fatal(err)
	}
	if cards, err := g.GuideCardMaterials(ctx, oa.GuideMaterialAccount); err != nil || len(cards) != 1 || cards[0].Path != card.Path {
		t.Errorf("GuideCardMaterials = %+v, %v", cards, err)
	}
	if err := g.DeleteGuideCardMaterial(ctx, oa.GuideMaterialAccount, card); err != nil {
		t.Error(err)
	}
	if err := g.SetGuideImageMaterial(ctx, oa.GuideMaterialGuide, "img1"); err != nil {
		t.Fatal(err)
	}
	p, err := g.GuideImageMaterials(ctx, oa.GuideMaterialGuide, 0, 10)
	if err != nil || p.TotalNum != 1 || p.Images[0].PicURL == "" {
		t.Fatalf("GuideImageMaterials = %+v, %v", p, err)
	}
	if err := g.DeleteGuideImageMaterial(ctx, oa.GuideMaterialGuide, p.Images[0].PicURL); err != nil {
		t.Error(err)
	}
	if err := g.SetGuideWordMaterial(ctx, oa.GuideMaterialGuide, "欢迎光临"); err != nil {
		t.Fatal(err)
	}
	if p, err := g.GuideWordMaterials(ctx, oa.GuideMaterialGuide, 0, 10); err != nil || p.TotalNum != 1 || p.Words[0].Word != "欢迎光临" {
		t.Errorf("GuideWordMaterials = %+v, %v", p, err)
	}
	if err := g.DeleteGuideWordMaterial(ctx, oa.GuideMaterialGuide, "欢迎光临"); err != nil {
		t.Error(err)
	}
	if p, _ := g.GuideWordMaterials(ctx, oa.GuideMaterialGuide, 0, 10); p.TotalNum != 0 {
		t.Errorf("words after delete = %+v", p)
	}

	// Mass-send jobs.
	job := &oa.GuideMassJob{GuideRef: alice, TaskName: "618", PushTime: 1900000000, OpenIDs: ids[:1],
		Material: []oa.GuideMassMaterial{{Type: 1, Word: "sale"}}}
	tasks, err := g.AddGuideMassJob(ctx, job)
	if err != nil || len(tasks) != 1 || tasks[0].TaskID == "" {
		t.Fatalf("AddGuideMassJob = %+v, %v", tasks, err)
	}
	_, err = g.AddGuideMassJob(ctx, &oa.GuideMassJob{GuideRef: alice, TaskName: "x", PushTime: 1})
	argErrA(t, srv, "POST /none", err, "openid")
	if err := g.UpdateGuideMassJob(ctx, &oa.GuideMassJob{TaskID: tasks[0].TaskID, TaskName: "618 sale"}); err != nil {
		t.Fatal(err)
	}
	if j, err := g.GuideMassJob(ctx, tasks[0].TaskID); err != nil || j.TaskName != "618 sale" || j.TaskStatus != 1 || j.TaskID != tasks[0].TaskID {
		t.Errorf("GuideMassJob = %+v, %v", j, err)
	}
	if err := g.CancelGuideMassJob(ctx, tasks[0].TaskID); err != nil {
		t.Fatal(err)
	}
	if p, err := g.GuideMassJobs(ctx, alice, 0, 10, 2); err != nil || p.TotalNum != 1 || p.List[0].TaskStatus != 2 {
		t.Errorf("GuideMassJobs = %+v, %v", p, err)
	}
	apiCodeA(t, g.CancelGuideMassJob(ctx, tasks[0].TaskID), 40097)

	if err := g.DeleteGuide(ctx, bob); err != nil {
		t.Fatal(err)
	}
	_, err = g.Guide(ctx, bob)
	apiCodeA(t, err, 40097)
}
