package oa

import "context"

// MaxGuideBuyers is the number of buyers of one batch call.
const MaxGuideBuyers = 200

// GuideBuyer is a buyer (a follower) bound to a guide.
type GuideBuyer struct {
	OpenID     string `json:"openid"`
	Nickname   string `json:"buyer_nickname,omitempty"`
	CreateTime int64  `json:"create_time,omitempty"`
}

// GuideBuyerResult is the outcome for one buyer of a batch call.
type GuideBuyerResult struct {
	OpenID  string `json:"openid"`
	RetCode int    `json:"ret_code"`
	RetMsg  string `json:"ret_msg"`
}

type guideBuyerResults struct {
	List []GuideBuyerResult `json:"buyer_resp"`
}

func checkBuyers(n int) error {
	if n == 0 || n > MaxGuideBuyers {
		return invalidArg("buyer_list", "1 to 200 buyers per call")
	}
	return nil
}

// AddGuideBuyers binds up to 200 buyers to a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/buyer-account/shopping-guide.addGuideBuyerRelation.html
func (s *GuideService) AddGuideBuyers(ctx context.Context, ref GuideRef, buyers []GuideBuyer) ([]GuideBuyerResult, error) {
	if err := checkBuyers(len(buyers)); err != nil {
		return nil, err
	}
	out, err := guideDo[guideBuyerResults](ctx, s, "/cgi-bin/guide/addguidebuyerrelation", &ref, struct {
		GuideRef
		Buyers []GuideBuyer `json:"buyer_list"`
	}{ref, buyers})
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

type guideOpenIDsBody struct {
	GuideRef
	OpenIDs []string `json:"openid_list"`
}

func (s *GuideService) buyersCall(ctx context.Context, path string, ref GuideRef, body any, n int) ([]GuideBuyerResult, error) {
	if err := checkBuyers(n); err != nil {
		return nil, err
	}
	out, err := guideDo[guideBuyerResults](ctx, s, path, &ref, body)
	if err != nil {
		return nil, err
	}
	return out.List, nil
}

// DeleteGuideBuyers unbinds up to 200 buyers from a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/buyer-account/shopping-guide.delGuideBuyerRelation.html
func (s *GuideService) DeleteGuideBuyers(ctx context.Context, ref GuideRef, openIDs []string) ([]GuideBuyerResult, error) {
	return s.buyersCall(ctx, "/cgi-bin/guide/delguidebuyerrelation", ref, guideOpenIDsBody{ref, openIDs}, len(openIDs))
}

// RebindGuideBuyers moves up to 200 buyers from the guide from to the guide to.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/buyer-account/shopping-guide.rebindGuideAcctForBuyer.html
func (s *GuideService) RebindGuideBuyers(ctx context.Context, from, to GuideRef, openIDs []string) ([]GuideBuyerResult, error) {
	if err := to.check(); err != nil {
		return nil, err
	}
	return s.buyersCall(ctx, "/cgi-bin/guide/rebindguideacctforbuyer", from, struct {
		Old     string   `json:"old_guide_account,omitempty"`
		New     string   `json:"new_guide_account,omitempty"`
		OldOpen string   `json:"old_guide_openid,omitempty"`
		NewOpen string   `json:"new_guide_openid,omitempty"`
		OpenIDs []string `json:"openid_list"`
	}{from.Account, to.Account, from.OpenID, to.OpenID, openIDs}, len(openIDs))
}

// GuideBuyerPage is one page of the buyers of a guide.
type GuideBuyerPage struct {
	TotalNum int          `json:"total_num"`
	List     []GuideBuyer `json:"list"`
}

// GuideBuyers returns page (from 0) of num (1..100) buyers of a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/buyer-account/shopping-guide.getGuideBuyerRelationList.html
func (s *GuideService) GuideBuyers(ctx context.Context, ref GuideRef, page, num int) (*GuideBuyerPage, error) {
	if err := checkGuidePage(page, num); err != nil {
		return nil, err
	}
	return guideDo[GuideBuyerPage](ctx, s, "/cgi-bin/guide/getguidebuyerrelationlist", &ref, struct {
		GuideRef
		guidePageBody
	}{ref, guidePageBody{page, num}})
}

// UpdateGuideBuyer changes the nickname of a buyer of a guide.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/buyer-account/shopping-guide.updateGuideBuyerRelation.html
func (s *GuideService) UpdateGuideBuyer(ctx context.Context, ref GuideRef, buyer GuideBuyer) error {
	if err := requireOpenID(buyer.OpenID); err != nil {
		return err
	}
	_, err := guideDo[struct{}](ctx, s, "/cgi-bin/guide/updateguidebuyerrelation", &ref, struct {
		GuideRef
		GuideBuyer
	}{ref, buyer})
	return err
}

// GuideOfBuyer is the guide a buyer is bound to.
type GuideOfBuyer struct {
	GuideRef
	GuideBuyer
}

// GuideOfBuyer returns the guide the buyer openID is bound to.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/buyer-account/shopping-guide.getGuideBuyerRelationByBuyer.html
func (s *GuideService) GuideOfBuyer(ctx context.Context, openID string) (*GuideOfBuyer, error) {
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	return guideDo[GuideOfBuyer](ctx, s, "/cgi-bin/guide/getguidebuyerrelationbybuyer", nil, map[string]string{"openid": openID})
}

// GuideBuyer returns the relation of a guide with the buyer openID.
// https://developers.weixin.qq.com/doc/offiaccount/Shopping_Guide/buyer-account/shopping-guide.getGuideBuyerRelation.html
func (s *GuideService) GuideBuyer(ctx context.Context, ref GuideRef, openID string) (*GuideBuyer, error) {
	if err := requireOpenID(openID); err != nil {
		return nil, err
	}
	return guideDo[GuideBuyer](ctx, s, "/cgi-bin/guide/getguidebuyerrelation", &ref, struct {
		GuideRef
		OpenID string `json:"openid"`
	}{ref, openID})
}
