package fakepay

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

const redpackDailyLimit = 10

type fakeRedpack struct {
	fp                 string
	answer             map[string]string
	billno, appid      string
	detailID, status   string
	hbType, openid     string
	totalNum, total    int64
	wishing, remark    string
	actName, sendTime  string
	refundTime, reason string
	refund             int64
	hblist             []map[string]string
}

type fakeTransfer struct {
	fp     string
	answer map[string]string
	req    map[string]string
}

// hbState keeps red packets and legacy transfers; guarded by Server.mu.
type hbState struct {
	packets   map[string]*fakeRedpack  // by mch_billno
	daily     map[string]int           // by day + re_openid
	transfers map[string]*fakeTransfer // by partner_trade_no
}

func (s *Server) hbLocked() *hbState {
	if s.hb.packets == nil {
		s.hb = hbState{packets: map[string]*fakeRedpack{}, daily: map[string]int{}, transfers: map[string]*fakeTransfer{}}
	}
	return &s.hb
}

// fingerprint joins the request's business fields (nonce and sign left out).
func fingerprint(m map[string]string, keys ...string) string {
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + m[k] + "&")
	}
	return b.String()
}

func mktFail(code, des string) map[string]string {
	return map[string]string{"return_code": "SUCCESS", "return_msg": des, "result_code": "FAIL", "err_code": code, "err_code_des": des}
}

func mktOK(out map[string]string, msg string) map[string]string {
	out["return_code"], out["return_msg"], out["result_code"] = "SUCCESS", msg, "SUCCESS"
	out["err_code"], out["err_code_des"] = "SUCCESS", msg
	return out
}

// serveMkt answers the /mmpaymkttransfers/ endpoints; m is the request,
// its sign already verified.
func (s *Server) serveMkt(w http.ResponseWriter, r *http.Request, m map[string]string, mch *Merchant) {
	if checkClientCert(r, mch) != nil {
		writeXML(w, mktFail("CA_ERROR", "请求未携带证书"))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch r.URL.Path {
	case "/mmpaymkttransfers/sendredpack", "/mmpaymkttransfers/sendgroupredpack", "/mmpaymkttransfers/sendminiprogramhb":
		writeXML(w, s.sendRedpackLocked(r.URL.Path, m, mch))
	case "/mmpaymkttransfers/gethbinfo":
		s.getHbInfoLocked(w, m, mch)
	case "/mmpaymkttransfers/promotion/transfers":
		writeXML(w, s.transferLocked(m, mch))
	case "/mmpaymkttransfers/gettransferinfo":
		t := s.hbLocked().transfers[m["partner_trade_no"]]
		if m["partner_trade_no"] == "" || m["appid"] == "" {
			writeXML(w, mktFail("PARAM_ERROR", "参数错误"))
			return
		}
		if t == nil || t.req["mchid"] != mch.MchID {
			writeXML(w, mktFail("NOT_FOUND", "指定单号数据不存在"))
			return
		}
		writeXML(w, mktOK(map[string]string{"partner_trade_no": t.req["partner_trade_no"], "appid": t.req["mch_appid"],
			"mch_id": mch.MchID, "detail_id": t.answer["payment_no"], "status": "SUCCESS", "openid": t.req["openid"],
			"transfer_name": t.req["re_user_name"], "payment_amount": t.req["amount"], "transfer_time": t.answer["payment_time"],
			"payment_time": t.answer["payment_time"], "desc": t.req["desc"]}, "获取成功"))
	default:
		writeXML(w, map[string]string{"return_code": "FAIL", "return_msg": "接口不存在"})
	}
}

func validBillno(no, mchID string) bool {
	rest, ok := strings.CutPrefix(no, mchID)
	if !ok || len(no) > 28 || len(rest) != 18 || strings.Trim(rest, "0123456789") != "" {
		return false
	}
	_, err := time.Parse("20060102", rest[:8])
	return err == nil
}

func (s *Server) sendRedpackLocked(path string, m map[string]string, mch *Merchant) map[string]string {
	group := strings.HasSuffix(path, "sendgroupredpack")
	mini := strings.HasSuffix(path, "sendminiprogramhb")
	keys := []string{"mch_billno", "wxappid", "send_name", "re_openid", "total_amount", "total_num", "wishing", "act_name", "remark"}
	switch {
	case group:
		if m["amt_type"] != "ALL_RAND" {
			return mktFail("PARAM_ERROR", "amt_type参数错误")
		}
	case mini:
		if m["notify_way"] != "MINI_PROGRAM_JSAPI" {
			return mktFail("PARAM_ERROR", "notify_way参数错误")
		}
	default:
		keys = append(keys, "client_ip")
	}
	for _, k := range keys {
		if m[k] == "" {
			return mktFail("PARAM_ERROR", k+"参数缺失")
		}
	}
	if !validBillno(m["mch_billno"], mch.MchID) {
		return mktFail("PARAM_ERROR", "商户订单号格式错误: mch_id+yyyymmdd+10位数字")
	}
	total, err1 := strconv.ParseInt(m["total_amount"], 10, 64)
	num, err2 := strconv.ParseInt(m["total_num"], 10, 64)
	if err1 != nil || err2 != nil || total <= 0 || (group && (num < 3 || num > 20)) || (!group && num != 1) {
		return mktFail("PARAM_ERROR", "红包金额或个数参数错误")
	}
	if sc := m["scene_id"]; sc != "" {
		if n, err := strconv.Atoi(strings.TrimPrefix(sc, "PRODUCT_")); !strings.HasPrefix(sc, "PRODUCT_") || err != nil || n < 1 || n > 8 {
			return mktFail("PARAM_ERROR", "scene_id参数错误")
		}
	} else if per := total / num; per < 100 || per > 20000 {
		return mktFail("MONEY_LIMIT", "每个红包的金额必须在[1.00元，200.00元]之间")
	}
	hb := s.hbLocked()
	fp := path + "?" + fingerprint(m, append(keys, "scene_id", "risk_info", "amt_type", "notify_way")...)
	if old := hb.packets[m["mch_billno"]]; old != nil {
		if old.fp != fp {
			return mktFail("PARAM_ERROR", "商户订单号重复且参数不一致")
		}
		return old.answer
	}
	if total > s.balanceLocked("") {
		return mktFail("NOTENOUGH", "帐号余额不足，请到商户平台充值后再重试")
	}
	day := time.Now().Format("20060102") + "/" + m["re_openid"]
	if hb.daily[day] >= redpackDailyLimit {
		return mktFail("SENDNUMLIMIT", "该用户今日领取红包个数超过限制")
	}
	hb.daily[day]++
	s.a.balance[""] -= total
	detail := "10000417012" + time.Now().Format("20060102") + strconv.FormatInt(3000000000+s.seq.Add(1), 10)
	p := &fakeRedpack{fp: fp, billno: m["mch_billno"], appid: m["wxappid"], detailID: detail, status: "SENT",
		hbType: "NORMAL", openid: m["re_openid"], totalNum: num, total: total, wishing: m["wishing"],
		remark: m["remark"], actName: m["act_name"], sendTime: time.Now().Format(time.DateTime)}
	if group {
		p.hbType = "GROUP"
	}
	p.answer = mktOK(map[string]string{"mch_billno": p.billno, "mch_id": mch.MchID, "wxappid": p.appid,
		"re_openid": p.openid, "total_amount": m["total_amount"], "send_listid": detail}, "发放成功")
	if mini {
		p.answer["package"] = fmt.Sprintf("sendid=%s&ver=8&sign=%s&mchid=%s&appid=%s", nonceHex()+nonceHex(), nonceHex()+nonceHex(), mch.MchID, p.appid)
	}
	hb.packets[p.billno] = p
	return p.answer
}

func (s *Server) getHbInfoLocked(w http.ResponseWriter, m map[string]string, mch *Merchant) {
	if m["mch_billno"] == "" || m["appid"] == "" || m["bill_type"] != "MCHT" {
		writeXML(w, mktFail("PARAM_ERROR", "参数错误"))
		return
	}
	p := s.hbLocked().packets[m["mch_billno"]]
	if p == nil || !strings.HasPrefix(p.billno, mch.MchID) {
		f := mktFail("NOT_FOUND", "指定单号数据不存在")
		f["mch_billno"], f["mch_id"] = m["mch_billno"], mch.MchID
		writeXML(w, f)
		return
	}
	out := mktOK(map[string]string{"mch_billno": p.billno, "mch_id": mch.MchID, "detail_id": p.detailID, "status": p.status,
		"send_type": "API", "hb_type": p.hbType, "total_num": strconv.FormatInt(p.totalNum, 10),
		"total_amount": strconv.FormatInt(p.total, 10), "reason": p.reason, "send_time": p.sendTime,
		"refund_time": p.refundTime, "wishing": p.wishing, "remark": p.remark, "act_name": p.actName}, "OK")
	if p.refundTime != "" {
		out["refund_amount"] = strconv.FormatInt(p.refund, 10)
	}
	for k, v := range out {
		if v == "" {
			delete(out, k)
		}
	}
	rec := httptest.NewRecorder()
	writeXML(rec, out)
	doc := rec.Body.String()
	if len(p.hblist) > 0 {
		var b strings.Builder
		b.WriteString("<hblist>")
		for _, h := range p.hblist {
			b.WriteString("<hbinfo><openid><![CDATA[" + h["openid"] + "]]></openid><amount>" + h["amount"] +
				"</amount><rcv_time><![CDATA[" + h["rcv_time"] + "]]></rcv_time></hbinfo>")
		}
		b.WriteString("</hblist>")
		doc = strings.TrimSuffix(doc, "</xml>") + b.String() + "</xml>"
	}
	w.Header().Set("Content-Type", "text/xml")
	_, _ = w.Write([]byte(doc))
}

// SetRedpackStatus moves the red packet mchBillNo to status as its user
// would: RECEIVED (the packets are received: hblist gets the seed user,
// and friends "oFriend1"… for a group red packet), REFUND (what was not
// received goes back to the balance), or SENDING, SENT, FAILED,
// RFUND_ING as is. It reports whether the packet exists.
func (s *Server) SetRedpackStatus(mchBillNo, status string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.hbLocked().packets[mchBillNo]
	if p == nil {
		return false
	}
	now := time.Now().Format(time.DateTime)
	switch status {
	case "RECEIVED":
		if len(p.hblist) == 0 {
			per := p.total / p.totalNum
			for i := range p.totalNum {
				amt, who := per, p.openid
				if i == 0 {
					amt += p.total - per*p.totalNum
				} else {
					who = "oFriend" + strconv.FormatInt(i, 10)
				}
				p.hblist = append(p.hblist, map[string]string{"openid": who, "amount": strconv.FormatInt(amt, 10), "rcv_time": now})
			}
		}
	case "REFUND":
		if p.refundTime == "" {
			var got int64
			for _, h := range p.hblist {
				n, _ := strconv.ParseInt(h["amount"], 10, 64)
				got += n
			}
			p.refund, p.refundTime = p.total-got, now
			s.a.balance[""] = s.balanceLocked("") + p.refund
		}
	case "FAILED":
		p.reason = "发放失败"
	}
	p.status = status
	return true
}

func (s *Server) transferLocked(m map[string]string, mch *Merchant) map[string]string {
	keys := []string{"mch_appid", "mchid", "partner_trade_no", "openid", "check_name", "amount", "desc", "spbill_create_ip"}
	for _, k := range keys {
		if m[k] == "" {
			return mktFail("PARAM_ERROR", k+"参数缺失")
		}
	}
	amount, err := strconv.ParseInt(m["amount"], 10, 64)
	switch {
	case m["check_name"] != "NO_CHECK" && m["check_name"] != "FORCE_CHECK":
		return mktFail("PARAM_ERROR", "check_name参数错误")
	case m["check_name"] == "FORCE_CHECK" && m["re_user_name"] == "":
		return mktFail("PARAM_ERROR", "re_user_name参数缺失")
	case err != nil || amount <= 0:
		return mktFail("PARAM_ERROR", "amount参数错误")
	}
	hb := s.hbLocked()
	fp := fingerprint(m, append(keys, "re_user_name", "device_info")...)
	if old := hb.transfers[m["partner_trade_no"]]; old != nil {
		if old.fp != fp {
			return mktFail("PARAM_ERROR", "商户订单号重复且参数不一致")
		}
		return old.answer
	}
	if amount > s.balanceLocked("") {
		return mktFail("NOTENOUGH", "余额不足")
	}
	s.a.balance[""] -= amount
	t := &fakeTransfer{fp: fp, req: m}
	t.answer = mktOK(map[string]string{"mch_appid": m["mch_appid"], "mchid": mch.MchID, "device_info": m["device_info"],
		"nonce_str": nonceHex(), "partner_trade_no": m["partner_trade_no"],
		"payment_no":   "10100" + time.Now().Format("20060102") + strconv.FormatInt(3000000000+s.seq.Add(1), 10),
		"payment_time": time.Now().Format(time.DateTime)}, "")
	delete(t.answer, "err_code")
	delete(t.answer, "err_code_des")
	if t.answer["device_info"] == "" {
		delete(t.answer, "device_info")
	}
	hb.transfers[m["partner_trade_no"]] = t
	return t.answer
}
