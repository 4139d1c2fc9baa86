package pay

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Cash red packet (现金红包) limits the docs state: one packet is 1 to 200
// yuan unless SceneID is set; a group (fission) red packet has 3 to 20
// packets.
const (
	RedpackMinAmount   = 100   // fen per packet, without SceneID
	RedpackMaxAmount   = 20000 // fen per packet, without SceneID
	GroupRedpackMinNum = 3
	GroupRedpackMaxNum = 20
	// RedpackAmtTypeAllRand lets WeChat Pay split a group red packet at
	// random (the only amt_type the docs define).
	RedpackAmtTypeAllRand = "ALL_RAND"
)

// Red packet statuses answered by GetRedpackInfo.
const (
	RedpackStatusSending   = "SENDING"
	RedpackStatusSent      = "SENT"
	RedpackStatusFailed    = "FAILED"
	RedpackStatusReceived  = "RECEIVED"
	RedpackStatusRefunding = "RFUND_ING" // spelled so by WeChat Pay
	RedpackStatusRefund    = "REFUND"
)

// RedpackRequest is the body of SendRedpack, SendGroupRedpack and
// SendMiniProgramRedpack. Amounts are in fen. MchBillNo is unique and
// made of mch_id + yyyymmdd + 10 digits (28 characters); reuse it when
// retrying after SYSTEMERROR. MchID defaults to Config.MchID.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/cash_coupon.php?chapter=13_4&index=3
type RedpackRequest struct {
	MchBillNo   string
	MchID       string
	WxAppID     string // official account appid (mini program appid for SendMiniProgramRedpack)
	SendName    string
	ReOpenID    string // openid under WxAppID; the seed user of a group red packet
	TotalAmount int64
	TotalNum    int64  // 1; 3 to 20 for SendGroupRedpack
	AmtType     string // SendGroupRedpack only: ALL_RAND (the default)
	Wishing     string
	ClientIP    string // SendRedpack only: the caller's IP
	ActName     string
	Remark      string
	SceneID     string // PRODUCT_1 … PRODUCT_8; required outside 1–200 yuan per packet
	RiskInfo    string // urlencoded posttime=…&mobile=…&deviceid=…&clientversion=…
}

// RedpackResponse is the answer of the red packet send APIs (they carry
// no sign). Package is set by SendMiniProgramRedpack only: give it to
// MiniProgramRedpackParams.
type RedpackResponse struct {
	MchBillNo   string
	MchID       string
	WxAppID     string
	ReOpenID    string
	TotalAmount int64
	SendListID  string
	Package     string
	Raw         map[string]string
}

// RedpackInfo is the answer of GetRedpackInfo.
type RedpackInfo struct {
	MchBillNo    string
	MchID        string
	DetailID     string
	Status       string // RedpackStatus*
	SendType     string // API, UPLOAD or ACTIVITY
	HbType       string // NORMAL or GROUP
	TotalNum     int64
	TotalAmount  int64
	Reason       string
	SendTime     string // "2006-01-02 15:04:05"
	RefundTime   string
	RefundAmount int64
	Wishing      string
	Remark       string
	ActName      string
	HbList       []RedpackReceipt
	Raw          map[string]string
}

// RedpackReceipt is one packet received by a user (hblist/hbinfo).
type RedpackReceipt struct {
	OpenID  string `xml:"openid"`
	Amount  int64  `xml:"amount"`
	RcvTime string `xml:"rcv_time"`
}

// SendRedpack sends a cash red packet to one user (POST
// /mmpaymkttransfers/sendredpack) over mutual TLS: the client must have
// been built WithTLSClient. A *V2Error carries WeChat Pay's err_code
// (NOTENOUGH, SENDNUMLIMIT, MONEY_LIMIT, PARAM_ERROR, SYSTEMERROR…);
// the response is returned with it.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/cash_coupon.php?chapter=13_4&index=3
func (c *Client) SendRedpack(ctx context.Context, req *RedpackRequest) (*RedpackResponse, error) {
	return c.sendRedpack(ctx, "/mmpaymkttransfers/sendredpack", req)
}

// SendGroupRedpack sends a fission red packet (裂变红包, POST
// /mmpaymkttransfers/sendgroupredpack): the seed user shares 3 to 20
// packets with friends. Needs WithTLSClient.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/cash_coupon.php?chapter=13_5&index=4
func (c *Client) SendGroupRedpack(ctx context.Context, req *RedpackRequest) (*RedpackResponse, error) {
	return c.sendRedpack(ctx, "/mmpaymkttransfers/sendgroupredpack", req)
}

// SendMiniProgramRedpack creates a mini program red packet (POST
// /mmpaymkttransfers/sendminiprogramhb, notify_way MINI_PROGRAM_JSAPI);
// the user opens it with wx.sendBizRedPacket and the parameters of
// MiniProgramRedpackParams. Needs WithTLSClient.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/miniprogram_hb.php?chapter=13_9&index=2
func (c *Client) SendMiniProgramRedpack(ctx context.Context, req *RedpackRequest) (*RedpackResponse, error) {
	return c.sendRedpack(ctx, "/mmpaymkttransfers/sendminiprogramhb", req)
}

func (c *Client) sendRedpack(ctx context.Context, path string, req *RedpackRequest) (*RedpackResponse, error) {
	if req == nil {
		return nil, argError("req", "is required")
	}
	group := strings.HasSuffix(path, "sendgroupredpack")
	mini := strings.HasSuffix(path, "sendminiprogramhb")
	if err := need("MchBillNo", req.MchBillNo, "WxAppID", req.WxAppID, "SendName", req.SendName, "ReOpenID", req.ReOpenID,
		"Wishing", req.Wishing, "ActName", req.ActName, "Remark", req.Remark); err != nil {
		return nil, err
	}
	if !group && !mini && req.ClientIP == "" {
		return nil, argError("ClientIP", "is required")
	}
	if len(req.MchBillNo) > 28 || strings.Trim(req.MchBillNo, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return nil, argError("MchBillNo", "must be at most 28 letters and digits")
	}
	switch {
	case group && (req.TotalNum < GroupRedpackMinNum || req.TotalNum > GroupRedpackMaxNum):
		return nil, argError("TotalNum", "must be 3 to 20 for a group red packet")
	case !group && req.TotalNum != 1:
		return nil, argError("TotalNum", "must be 1")
	}
	if per := req.TotalAmount / max(req.TotalNum, 1); req.TotalAmount <= 0 ||
		(req.SceneID == "" && (per < RedpackMinAmount || per > RedpackMaxAmount)) {
		return nil, argError("TotalAmount", "must be 100 to 20000 fen per packet unless SceneID is set")
	}
	if c.tlsHC == nil {
		return nil, argError("WithTLSClient", "red packets need the merchant certificate (mutual TLS)")
	}
	p := map[string]string{
		"mch_billno": req.MchBillNo, "mch_id": req.MchID, "wxappid": req.WxAppID, "send_name": req.SendName,
		"re_openid": req.ReOpenID, "total_amount": strconv.FormatInt(req.TotalAmount, 10),
		"total_num": strconv.FormatInt(req.TotalNum, 10), "wishing": req.Wishing, "act_name": req.ActName,
		"remark": req.Remark, "scene_id": req.SceneID, "risk_info": req.RiskInfo,
	}
	switch {
	case group:
		p["amt_type"] = req.AmtType
		if p["amt_type"] == "" {
			p["amt_type"] = RedpackAmtTypeAllRand
		}
	case mini:
		p["notify_way"] = "MINI_PROGRAM_JSAPI"
	default:
		p["client_ip"] = req.ClientIP
	}
	m, err := c.postV2(ctx, c.tlsHC, path, p, false)
	if m == nil {
		return nil, err
	}
	return &RedpackResponse{MchBillNo: m["mch_billno"], MchID: m["mch_id"], WxAppID: m["wxappid"], ReOpenID: m["re_openid"],
		TotalAmount: atoi64(m["total_amount"]), SendListID: m["send_listid"], Package: m["package"], Raw: m}, err
}

// GetRedpackInfo queries a red packet sent within 30 days by its
// mch_billno (POST /mmpaymkttransfers/gethbinfo, bill_type MCHT) over
// mutual TLS. appID is the appid the packet was sent with. A *V2Error
// with ErrCode NOT_FOUND may mean the send is still being processed.
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/cash_coupon.php?chapter=13_6&index=5
func (c *Client) GetRedpackInfo(ctx context.Context, appID, mchBillNo string) (*RedpackInfo, error) {
	if err := need("appID", appID, "mchBillNo", mchBillNo); err != nil {
		return nil, err
	}
	if c.tlsHC == nil {
		return nil, argError("WithTLSClient", "red packets need the merchant certificate (mutual TLS)")
	}
	p := map[string]string{"appid": appID, "mch_billno": mchBillNo, "bill_type": "MCHT"}
	m, body, err := c.postV2Body(ctx, c.tlsHC, "/mmpaymkttransfers/gethbinfo", p, false, true)
	if m == nil || err != nil {
		return nil, err
	}
	var doc struct {
		HbList []RedpackReceipt `xml:"hblist>hbinfo"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("pay: malformed gethbinfo hblist: %w", err)
	}
	return &RedpackInfo{MchBillNo: m["mch_billno"], MchID: m["mch_id"], DetailID: m["detail_id"], Status: m["status"],
		SendType: m["send_type"], HbType: m["hb_type"], TotalNum: atoi64(m["total_num"]), TotalAmount: atoi64(m["total_amount"]),
		Reason: m["reason"], SendTime: m["send_time"], RefundTime: m["refund_time"], RefundAmount: atoi64(m["refund_amount"]),
		Wishing: m["wishing"], Remark: m["remark"], ActName: m["act_name"], HbList: doc.HbList, Raw: m}, nil
}

// MiniProgramRedpackParams returns the parameters of wx.sendBizRedPacket
// for the package answered by SendMiniProgramRedpack: timeStamp, nonceStr,
// package (urlencoded), signType MD5 and paySign, the lowercase MD5 of
// appId, nonceStr, package and timeStamp sorted and joined as
// "k=v&…&key=APIv2Key" (signType is not signed).
//
// See https://pay.weixin.qq.com/wiki/doc/api/tools/miniprogram_hb.php?chapter=13_10&index=3
func (c *Client) MiniProgramRedpackParams(appID, pkg string) (map[string]string, error) {
	if err := need("appID", appID, "pkg", pkg); err != nil {
		return nil, err
	}
	if c.v2key == "" {
		return nil, argError("Config.APIv2Key", "is required for v2 endpoints")
	}
	out := map[string]string{"timeStamp": strconv.FormatInt(time.Now().Unix(), 10), "nonceStr": v2Nonce(),
		"package": url.QueryEscape(pkg), "signType": SignTypeMD5}
	s := "appId=" + appID + "&nonceStr=" + out["nonceStr"] + "&package=" + out["package"] +
		"&timeStamp=" + out["timeStamp"] + "&key=" + c.v2key
	sum := md5.Sum([]byte(s))
	out["paySign"] = hex.EncodeToString(sum[:])
	return out, nil
}
