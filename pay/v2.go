package pay

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// v2 sign types.
const (
	SignTypeMD5        = "MD5"
	SignTypeHMACSHA256 = "HMAC-SHA256"
)

// ErrV2Signature reports a v2 XML response whose sign does not verify.
var ErrV2Signature = errors.New("pay: v2 response sign verification failed")

// V2Error is a v2 XML answer with return_code or result_code FAIL.
//
// See https://pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=9_10&index=1
type V2Error struct {
	ReturnCode string
	ReturnMsg  string
	ResultCode string
	ErrCode    string // e.g. USERPAYING, SYSTEMERROR, BANKERROR, AUTHCODEEXPIRE
	ErrCodeDes string
}

func (e *V2Error) Error() string {
	if e.ReturnCode != "SUCCESS" {
		return "pay: v2 return_code " + e.ReturnCode + ": " + e.ReturnMsg
	}
	return "pay: v2 result_code " + e.ResultCode + " " + e.ErrCode + ": " + e.ErrCodeDes
}

// V2Sign computes the v2 sign of params with the v2 API key: pairs sorted by
// key, empty values and "sign" skipped, "k=v" joined by "&", then
// "&key=KEY"; MD5 or HMAC-SHA256 (keyed with KEY), uppercase hex.
//
// See https://pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=4_3
func V2Sign(params map[string]string, key, signType string) (string, error) {
	keys := make([]string, 0, len(params))
	for k, v := range params {
		if k == "sign" || v == "" {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(params[k])
		b.WriteByte('&')
	}
	b.WriteString("key=")
	b.WriteString(key)
	var sum []byte
	switch signType {
	case "", SignTypeMD5:
		s := md5.Sum([]byte(b.String()))
		sum = s[:]
	case SignTypeHMACSHA256:
		m := hmac.New(sha256.New, []byte(key))
		m.Write([]byte(b.String()))
		sum = m.Sum(nil)
	default:
		return "", fmt.Errorf("pay: unsupported v2 sign_type %q", signType)
	}
	return strings.ToUpper(hex.EncodeToString(sum)), nil
}

// encodeV2XML renders params as <xml><k><![CDATA[v]]></k>...</xml>, keys sorted.
func encodeV2XML(params map[string]string) []byte {
	keys := make([]string, 0, len(params))
	for k, v := range params {
		if v != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteString("<xml>")
	for _, k := range keys {
		b.WriteString("<" + k + "><![CDATA[")
		b.WriteString(strings.ReplaceAll(params[k], "]]>", "]]]]><![CDATA[>"))
		b.WriteString("]]></" + k + ">")
	}
	b.WriteString("</xml>")
	return b.Bytes()
}

// ParseV2XML parses a flat v2 XML document (<xml><k>v</k>...</xml>) into a
// map. Nested elements are rejected.
func ParseV2XML(data []byte) (map[string]string, error) {
	m, err := parseV2XML(data, false)
	if err != nil {
		return nil, fmt.Errorf("pay: %w", err)
	}
	return m, nil
}

// parseV2XML is ParseV2XML; with skipNested, the content of nested
// elements (e.g. gethbinfo's hblist) is left out instead of rejected.
func parseV2XML(data []byte, skipNested bool) (map[string]string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	m := map[string]string{}
	depth := 0
	var key string
	var val strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("malformed v2 XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 {
				key = t.Name.Local
				val.Reset()
			} else if depth > 2 && !skipNested {
				return nil, errors.New("malformed v2 XML: nested element")
			}
		case xml.EndElement:
			if depth == 2 {
				m[key] = val.String()
			}
			depth--
		case xml.CharData:
			if depth == 2 {
				val.Write(t)
			}
		}
	}
	if depth != 0 || len(m) == 0 {
		return nil, errors.New("malformed v2 XML: empty or unterminated document")
	}
	return m, nil
}

func v2Nonce() string {
	var n [32]byte
	newNonce(&n)
	return string(n[:])
}

// postV2 signs params, posts them as XML and parses (and, when verify is
// true, verifies) the answer.
func (c *Client) postV2(ctx context.Context, hc *http.Client, path string, params map[string]string, verify bool) (map[string]string, error) {
	m, _, err := c.postV2Body(ctx, hc, path, params, verify, false)
	return m, err
}

// sendV2 fills in the merchant number and a nonce (unless params holds
// nonce_str, "" for none), signs params, and posts
// them as XML. A v2 POST is never retried: the payment may have been taken.
// The caller closes the body of the (HTTP 200) answer.
func (c *Client) sendV2(ctx context.Context, hc *http.Client, path string, params map[string]string) (*http.Response, error) {
	// The legacy transfer APIs name the merchant "mchid" instead.
	if params["mch_id"] == "" && params["mchid"] == "" {
		params["mch_id"] = c.mchid
	}
	if _, set := params["nonce_str"]; !set { // set to "" by calls documented without one
		params["nonce_str"] = v2Nonce()
	}
	if err := c.v2SignInto(params, "sign", params["sign_type"]); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+path, bytes.NewReader(encodeV2XML(params)))
	if err != nil {
		return nil, fmt.Errorf("pay: building v2 request: %w", err)
	}
	req.Header.Set("Content-Type", "application/xml")
	req.Header.Set("Accept", "application/xml")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("pay: POST %s: %w", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("pay: POST %s: HTTP %d", path, resp.StatusCode)
	}
	return resp, nil
}

// postV2Body is postV2 also returning the raw answer; with skipNested the
// answer may hold nested elements, left out of the map.
func (c *Client) postV2Body(ctx context.Context, hc *http.Client, path string, params map[string]string, verify, skipNested bool) (map[string]string, []byte, error) {
	resp, err := c.sendV2(ctx, hc, path, params)
	if err != nil {
		return nil, nil, err
	}
	body, err := readLimited(resp.Body, resp.ContentLength, 1<<20)
	resp.Body.Close()
	if err != nil {
		return nil, nil, err
	}
	signType := params["sign_type"]
	m, err := parseV2XML(body, skipNested)
	if err != nil {
		return nil, nil, fmt.Errorf("pay: POST %s: %w", path, err)
	}
	if m["return_code"] != "SUCCESS" {
		// Communication failures carry no sign.
		return m, body, &V2Error{ReturnCode: m["return_code"], ReturnMsg: m["return_msg"]}
	}
	if verify {
		want, err := V2Sign(m, c.v2key, signType)
		if err != nil {
			return nil, nil, err
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(m["sign"])) != 1 {
			return nil, nil, ErrV2Signature
		}
	}
	if m["result_code"] != "" && m["result_code"] != "SUCCESS" {
		return m, body, &V2Error{ReturnCode: m["return_code"], ReturnMsg: m["return_msg"], ResultCode: m["result_code"],
			ErrCode: m["err_code"], ErrCodeDes: m["err_code_des"]}
	}
	return m, body, nil
}

// MicropayRequest is the body of the v2 payment code (付款码) API. TotalFee
// is in fen. SignType is MD5 (default) or HMAC-SHA256.
//
// See https://pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=9_10&index=1
type MicropayRequest struct {
	AppID          string
	MchID          string
	DeviceInfo     string
	Body           string
	Detail         string
	Attach         string
	OutTradeNo     string
	TotalFee       int64
	FeeType        string
	SpbillCreateIP string
	GoodsTag       string
	LimitPay       string
	TimeStart      string
	TimeExpire     string
	Receipt        string
	AuthCode       string
	ProfitSharing  string
	SceneInfo      string
	SignType       string
}

// MicropayResponse is the verified answer of Micropay.
type MicropayResponse struct {
	AppID              string
	MchID              string
	DeviceInfo         string
	OpenID             string
	IsSubscribe        string
	TradeType          string
	BankType           string
	FeeType            string
	TotalFee           int64
	SettlementTotalFee int64
	CouponFee          int64
	CashFeeType        string
	CashFee            int64
	TransactionID      string
	OutTradeNo         string
	Attach             string
	TimeEnd            string
	PromotionDetail    string
	// Raw holds every returned field.
	Raw map[string]string
}

func atoi64(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }

// Micropay charges a user's payment code (POST /pay/micropay). A *V2Error
// with ErrCode USERPAYING means the user is entering a password: query the
// order until it settles, and reverse it if it does not; SYSTEMERROR and
// BANKERROR also require a query. The response is returned with the error
// when WeChat answered result_code FAIL.
func (c *Client) Micropay(ctx context.Context, req *MicropayRequest) (*MicropayResponse, error) {
	if req == nil || req.AppID == "" || req.Body == "" || req.OutTradeNo == "" || req.TotalFee <= 0 || req.SpbillCreateIP == "" || req.AuthCode == "" {
		return nil, errors.New("pay: MicropayRequest needs AppID, Body, OutTradeNo, TotalFee, SpbillCreateIP and AuthCode")
	}
	p := map[string]string{
		"appid": req.AppID, "mch_id": req.MchID, "device_info": req.DeviceInfo, "body": req.Body,
		"detail": req.Detail, "attach": req.Attach, "out_trade_no": req.OutTradeNo,
		"total_fee": strconv.FormatInt(req.TotalFee, 10), "fee_type": req.FeeType,
		"spbill_create_ip": req.SpbillCreateIP, "goods_tag": req.GoodsTag, "limit_pay": req.LimitPay,
		"time_start": req.TimeStart, "time_expire": req.TimeExpire, "receipt": req.Receipt,
		"auth_code": req.AuthCode, "profit_sharing": req.ProfitSharing, "scene_info": req.SceneInfo,
		"sign_type": req.SignType,
	}
	m, err := c.postV2(ctx, c.hc, "/pay/micropay", p, true)
	if m == nil {
		return nil, err
	}
	return &MicropayResponse{
		AppID: m["appid"], MchID: m["mch_id"], DeviceInfo: m["device_info"], OpenID: m["openid"],
		IsSubscribe: m["is_subscribe"], TradeType: m["trade_type"], BankType: m["bank_type"],
		FeeType: m["fee_type"], TotalFee: atoi64(m["total_fee"]), SettlementTotalFee: atoi64(m["settlement_total_fee"]),
		CouponFee: atoi64(m["coupon_fee"]), CashFeeType: m["cash_fee_type"], CashFee: atoi64(m["cash_fee"]),
		TransactionID: m["transaction_id"], OutTradeNo: m["out_trade_no"], Attach: m["attach"],
		TimeEnd: m["time_end"], PromotionDetail: m["promotion_detail"], Raw: m,
	}, err
}

// ReverseRequest is the body of the v2 reverse (撤销订单) API; set one of
// TransactionID and OutTradeNo.
//
// See https://pay.weixin.qq.com/wiki/doc/api/micropay.php?chapter=9_11&index=3
type ReverseRequest struct {
	AppID         string
	MchID         string
	TransactionID string
	OutTradeNo    string
	SignType      string
}

// ReverseResponse is the verified answer of Reverse. Recall "Y" means call
// Reverse again.
type ReverseResponse struct {
	AppID  string
	MchID  string
	Recall string
	Raw    map[string]string
}

// Reverse cancels a payment code order (POST /secapi/pay/reverse) over
// mutual TLS: the client must have been built WithTLSClient.
func (c *Client) Reverse(ctx context.Context, req *ReverseRequest) (*ReverseResponse, error) {
	if req == nil || req.AppID == "" || (req.TransactionID == "" && req.OutTradeNo == "") {
		return nil, errors.New("pay: ReverseRequest needs AppID and TransactionID or OutTradeNo")
	}
	if c.tlsHC == nil {
		return nil, errors.New("pay: Reverse needs a mutual-TLS client (WithTLSClient)")
	}
	p := map[string]string{
		"appid": req.AppID, "mch_id": req.MchID, "transaction_id": req.TransactionID,
		"out_trade_no": req.OutTradeNo, "sign_type": req.SignType,
	}
	m, err := c.postV2(ctx, c.tlsHC, "/secapi/pay/reverse", p, true)
	if m == nil {
		return nil, err
	}
	return &ReverseResponse{AppID: m["appid"], MchID: m["mch_id"], Recall: m["recall"], Raw: m}, err
}

// SandboxSignKey fetches the v2 sandbox signing key (POST
// /xdc/apiv2getsignkey/sign/getsignkey). The answer is not signed.
func (c *Client) SandboxSignKey(ctx context.Context) (string, error) {
	m, err := c.postV2(ctx, c.hc, "/xdc/apiv2getsignkey/sign/getsignkey", map[string]string{}, false)
	if err != nil {
		return "", err
	}
	if m["sandbox_signkey"] == "" {
		return "", errors.New("pay: sandbox answer lacks sandbox_signkey")
	}
	return m["sandbox_signkey"], nil
}

func mutualTLSClient(certPEM, keyPEM []byte, roots *x509.CertPool) (*http.Client, error) {
	cert, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return nil, errors.New("pay: merchant certificate and key do not form a valid pair")
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{Certificates: []tls.Certificate{cert}, RootCAs: roots, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: tr}, nil
}
