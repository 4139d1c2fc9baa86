package fakepay

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
)

// transferBill is a transfer bill (2025 API) kept by the fake, rendered
// like the query APIs.
type transferBill struct {
	MchID          string `json:"mch_id,omitempty"` // merchant bills
	SpMchID        string `json:"mchid,omitempty"`  // partner bills: the service provider
	SubMchID       string `json:"sub_mchid,omitempty"`
	OutBillNo      string `json:"out_bill_no"`
	TransferBillNo string `json:"transfer_bill_no"`
	AppID          string `json:"appid"`
	State          string `json:"state"`
	TransferAmount int64  `json:"transfer_amount"`
	TransferRemark string `json:"transfer_remark"`
	FailReason     string `json:"fail_reason,omitempty"`
	OpenID         string `json:"openid"`
	UserName       string `json:"user_name,omitempty"` // encrypted for the merchant
	CreateTime     string `json:"create_time"`
	UpdateTime     string `json:"update_time"`

	payer       string // "" or sub_mchid
	userName    string // decrypted
	fingerprint string // request content with user_name decrypted
	packageInfo string
}

type transferBody struct {
	SubMchID           string `json:"sub_mchid"`
	AppID              string `json:"appid"`
	OutBillNo          string `json:"out_bill_no"`
	TransferSceneID    string `json:"transfer_scene_id"`
	OpenID             string `json:"openid"`
	UserName           string `json:"user_name"`
	TransferAmount     int64  `json:"transfer_amount"`
	TransferRemark     string `json:"transfer_remark"`
	NotifyURL          string `json:"notify_url"`
	UserRecvPerception string `json:"user_recv_perception"`
	Infos              []struct {
		InfoType    string `json:"info_type"`
		InfoContent string `json:"info_content"`
	} `json:"transfer_scene_report_infos"`
}

const (
	transferPrefix        = "/v3/fund-app/mch-transfer/transfer-bills"
	partnerTransferPrefix = "/v3/fund-app/mch-transfer/partner/transfer-bills"
	elecsignPrefix        = "/v3/fund-app/mch-transfer/elecsign/"
)

func init() { routes = append(routes, (*Server).routeTransfer) }

func (s *Server) routeTransfer(w http.ResponseWriter, r *http.Request, body []byte) bool {
	p := r.URL.Path
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	partner := strings.HasPrefix(p, partnerTransferPrefix)
	base := transferPrefix
	if partner {
		base = partnerTransferPrefix
	}
	rest, isBill := strings.CutPrefix(p, base)
	switch {
	case isBill && post && rest == "":
		s.serveTransferBill(w, r, body, partner)
	case isBill && post && strings.HasPrefix(rest, "/out-bill-no/") && strings.HasSuffix(rest, "/cancel"):
		s.serveTransferCancel(w, r, body, partner, strings.TrimSuffix(strings.TrimPrefix(rest, "/out-bill-no/"), "/cancel"))
	case isBill && get && strings.HasPrefix(rest, "/out-bill-no/"):
		s.serveTransferQuery(w, r, partner, strings.TrimPrefix(rest, "/out-bill-no/"), "")
	case isBill && get && strings.HasPrefix(rest, "/transfer-bill-no/"):
		s.serveTransferQuery(w, r, partner, "", strings.TrimPrefix(rest, "/transfer-bill-no/"))
	case post && (p == elecsignPrefix+"out-bill-no" || p == elecsignPrefix+"transfer-bill-no"):
		s.serveElecsignApply(w, r, body)
	case get && strings.HasPrefix(p, elecsignPrefix+"out-bill-no/"):
		s.serveElecsignQuery(w, r, strings.TrimPrefix(p, elecsignPrefix+"out-bill-no/"), "")
	case get && strings.HasPrefix(p, elecsignPrefix+"transfer-bill-no/"):
		s.serveElecsignQuery(w, r, "", strings.TrimPrefix(p, elecsignPrefix+"transfer-bill-no/"))
	default:
		return s.routeBatch(w, r, body)
	}
	return true
}

func (s *Server) serveTransferBill(w http.ResponseWriter, r *http.Request, body []byte, partner bool) {
	var b transferBody
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	switch {
	case partner && b.SubMchID == "":
		bad("sub_mchid必填")
		return
	case !partner && b.SubMchID != "":
		bad("普通商户接口不支持sub_mchid")
		return
	case b.AppID == "" || b.TransferSceneID == "" || b.OpenID == "":
		bad("appid、transfer_scene_id、openid必填")
		return
	case !alnum(b.OutBillNo, 32):
		bad("out_bill_no只能由数字、大小写字母组成，最长32位")
		return
	case b.TransferAmount <= 0:
		bad("transfer_amount必须大于0")
		return
	case b.TransferRemark == "" || utf8.RuneCountInString(b.TransferRemark) > 32:
		bad("transfer_remark必填，最多32个字符")
		return
	case len(b.Infos) == 0:
		bad("需传入转账场景报备信息,请检查")
		return
	case b.TransferAmount >= 200000 && b.UserName == "":
		bad("转账金额>=2000元时，user_name必填")
		return
	}
	s.mu.Lock()
	known := !partner || s.a.subs[b.SubMchID]
	s.mu.Unlock()
	if !known {
		s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "子商户号与服务商不存在受理关系")
		return
	}
	name := ""
	if b.UserName != "" {
		var ok bool
		if name, ok = s.sensitive(w, r, "user_name", b.UserName); !ok {
			return
		}
	}
	fp := b
	fp.UserName = name
	fpb, _ := json.Marshal(fp)
	k := key(b.SubMchID, b.OutBillNo)
	s.mu.Lock()
	if ex := s.a.bills[k]; ex != nil {
		same := ex.fingerprint == string(fpb)
		res := ex.result()
		s.mu.Unlock()
		if !same {
			s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商户单号重复，且与原单据内容不一致")
			return
		}
		s.reply(w, r, http.StatusOK, res)
		return
	}
	if bal := s.balanceLocked(b.SubMchID); b.TransferAmount > bal {
		s.mu.Unlock()
		s.fail(w, r, http.StatusForbidden, "NOT_ENOUGH", "商户运营账户资金不足")
		return
	}
	s.a.balance[b.SubMchID] -= b.TransferAmount
	now := now3339()
	tb := &transferBill{
		OutBillNo: b.OutBillNo, TransferBillNo: "1330" + strconv.FormatInt(7000000000000+s.seq.Add(1), 10) + "0001",
		AppID: b.AppID, State: "WAIT_USER_CONFIRM", TransferAmount: b.TransferAmount, TransferRemark: b.TransferRemark,
		OpenID: b.OpenID, CreateTime: now, UpdateTime: now,
		payer: b.SubMchID, userName: name, fingerprint: string(fpb),
		packageInfo: base64.StdEncoding.EncodeToString([]byte("pkg-" + nonceHex())),
	}
	if name != "" {
		tb.UserName = s.sealForMerchant(name)
	}
	if partner {
		tb.SpMchID, tb.SubMchID = s.requestMchID(r), b.SubMchID
	} else {
		tb.MchID = s.requestMchID(r)
	}
	s.a.bills[k] = tb
	res := tb.result()
	s.mu.Unlock()
	s.reply(w, r, http.StatusOK, res)
}

// result is the answer of the initiate API for tb.
func (tb *transferBill) result() map[string]any {
	m := map[string]any{"out_bill_no": tb.OutBillNo, "transfer_bill_no": tb.TransferBillNo, "create_time": tb.CreateTime, "state": tb.State}
	if tb.State == "WAIT_USER_CONFIRM" {
		m["package_info"] = tb.packageInfo
	}
	if tb.FailReason != "" {
		m["fail_reason"] = tb.FailReason
	}
	return m
}

// findBill finds a bill by out_bill_no or transfer_bill_no for the payer
// ("" for the merchant); s.mu held.
func (s *Server) findBillLocked(payer, outBillNo, transferBillNo string) *transferBill {
	if outBillNo != "" {
		return s.a.bills[key(payer, outBillNo)]
	}
	for _, tb := range s.a.bills {
		if tb.payer == payer && tb.TransferBillNo == transferBillNo {
			return tb
		}
	}
	return nil
}

// payerOf returns the payer named by a partner request (sub_mchid query),
// answering 400 itself when it is missing.
func (s *Server) payerOf(w http.ResponseWriter, r *http.Request, partner bool, sub string) (string, bool) {
	if !partner {
		return "", true
	}
	if sub == "" {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "sub_mchid必填")
		return "", false
	}
	return sub, true
}

func (s *Server) serveTransferQuery(w http.ResponseWriter, r *http.Request, partner bool, outBillNo, transferBillNo string) {
	payer, ok := s.payerOf(w, r, partner, r.URL.Query().Get("sub_mchid"))
	if !ok {
		return
	}
	s.mu.Lock()
	tb := s.findBillLocked(payer, outBillNo, transferBillNo)
	var out []byte
	if tb != nil {
		out, _ = json.Marshal(tb)
	}
	s.mu.Unlock()
	if tb == nil {
		s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "记录不存在")
		return
	}
	s.replyRaw(w, r, out)
}

func (s *Server) serveTransferCancel(w http.ResponseWriter, r *http.Request, body []byte, partner bool, outBillNo string) {
	var b struct {
		SubMchID string `json:"sub_mchid"`
	}
	if partner && !s.decodeJSON(w, r, body, &b) {
		return
	}
	payer, ok := s.payerOf(w, r, partner, b.SubMchID)
	if !ok {
		return
	}
	s.mu.Lock()
	tb := s.findBillLocked(payer, outBillNo, "")
	var state string
	if tb != nil {
		state = tb.State
		switch state {
		case "ACCEPTED", "PROCESSING", "WAIT_USER_CONFIRM":
			tb.State, tb.UpdateTime = "CANCELING", now3339()
		}
	}
	var res map[string]any
	if tb != nil {
		res = map[string]any{"out_bill_no": tb.OutBillNo, "transfer_bill_no": tb.TransferBillNo, "state": tb.State, "update_time": tb.UpdateTime}
		if partner {
			res["sub_mchid"] = payer
		}
	}
	s.mu.Unlock()
	switch {
	case tb == nil:
		s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "记录不存在")
	case state == "TRANSFERING" || state == "SUCCESS" || state == "FAIL":
		s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "单据状态为"+state+"，不允许撤销")
	default:
		s.reply(w, r, http.StatusOK, res)
	}
}

// notification renders tb as the MCHTRANSFER.BILL.FINISHED resource.
func (tb *transferBill) notification() map[string]any {
	m := map[string]any{
		"out_bill_no": tb.OutBillNo, "transfer_bill_no": tb.TransferBillNo, "state": tb.State,
		"transfer_amount": tb.TransferAmount, "openid": tb.OpenID, "create_time": tb.CreateTime, "update_time": tb.UpdateTime,
	}
	if tb.FailReason != "" {
		m["fail_reason"] = tb.FailReason
	}
	if tb.SubMchID != "" {
		m["mchid"], m["sub_mchid"] = tb.SpMchID, tb.SubMchID
	} else {
		m["mch_id"] = tb.MchID
	}
	return m
}

// moveBill moves the bill of payer ("" for the merchant) from one of from
// to state; it returns the notification resource when the bill moved.
func (s *Server) moveBill(payer, outBillNo, state, reason string, from ...string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	tb := s.a.bills[key(payer, outBillNo)]
	if tb == nil {
		return nil, false
	}
	for _, f := range from {
		if tb.State == f {
			tb.State, tb.FailReason, tb.UpdateTime = state, reason, now3339()
			if state != "SUCCESS" {
				s.a.balance[payer] += tb.TransferAmount // funds go back
			}
			return tb.notification(), true
		}
	}
	return nil, false
}

// ConfirmTransfer simulates the user confirming a bill in
// WAIT_USER_CONFIRM or TRANSFERING: it becomes SUCCESS. payer is "" for a
// merchant bill, the sub_mchid for a partner bill. It returns the
// MCHTRANSFER.BILL.FINISHED resource.
func (s *Server) ConfirmTransfer(payer, outBillNo string) (map[string]any, bool) {
	return s.moveBill(payer, outBillNo, "SUCCESS", "", "WAIT_USER_CONFIRM", "TRANSFERING")
}

// FailTransfer fails a bill that is not final (reason e.g.
// "OPENID_INVALID") and returns its funds; it returns the notification
// resource.
func (s *Server) FailTransfer(payer, outBillNo, reason string) (map[string]any, bool) {
	return s.moveBill(payer, outBillNo, "FAIL", reason, "ACCEPTED", "PROCESSING", "WAIT_USER_CONFIRM", "TRANSFERING")
}

// FinishTransferCancel completes a cancel: CANCELING becomes CANCELLED and
// the funds return; it returns the notification resource.
func (s *Server) FinishTransferCancel(payer, outBillNo string) (map[string]any, bool) {
	return s.moveBill(payer, outBillNo, "CANCELLED", "", "CANCELING")
}

// TransferUserName returns the decrypted user_name a bill was created with
// (to check client-side encryption).
func (s *Server) TransferUserName(payer, outBillNo string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if tb := s.a.bills[key(payer, outBillNo)]; tb != nil {
		return tb.userName
	}
	return ""
}

// elecsign is an electronic receipt request of a merchant transfer bill.
type elecsign struct {
	State       string `json:"state"`
	CreateTime  string `json:"create_time"`
	UpdateTime  string `json:"update_time"`
	HashType    string `json:"hash_type,omitempty"`
	HashValue   string `json:"hash_value,omitempty"`
	DownloadURL string `json:"download_url,omitempty"`
	FailReason  string `json:"fail_reason,omitempty"`
}

func (s *Server) serveElecsignApply(w http.ResponseWriter, r *http.Request, body []byte) {
	var b struct {
		OutBillNo      string `json:"out_bill_no"`
		TransferBillNo string `json:"transfer_bill_no"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	byOut := strings.HasSuffix(r.URL.Path, "/out-bill-no")
	if (byOut && b.OutBillNo == "") || (!byOut && b.TransferBillNo == "") {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "单号必填")
		return
	}
	s.mu.Lock()
	tb := s.findBillLocked("", b.OutBillNo, b.TransferBillNo)
	var code, msg string
	var res *elecsign
	switch {
	case tb == nil:
		code, msg = "NOT_FOUND", "转账单不存在"
	case tb.State != "SUCCESS":
		code, msg = "INVALID_REQUEST", "仅支持付款成功的转账单据申请电子回单"
	case tb.userName == "":
		code, msg = "INVALID_REQUEST", "仅支持传入姓名的转账单据申请电子回单"
	default:
		res = s.a.receipts[key("", tb.OutBillNo)]
		if res == nil {
			now := now3339()
			res = &elecsign{State: "GENERATING", CreateTime: now, UpdateTime: now}
			s.a.receipts[key("", tb.OutBillNo)] = res
		}
	}
	var out []byte
	if res != nil {
		out, _ = json.Marshal(map[string]string{"state": res.State, "create_time": res.CreateTime})
	}
	s.mu.Unlock()
	switch code {
	case "":
		s.replyRaw(w, r, out)
	case "NOT_FOUND":
		s.fail(w, r, http.StatusNotFound, code, msg)
	default:
		s.fail(w, r, http.StatusBadRequest, code, msg)
	}
}

func (s *Server) serveElecsignQuery(w http.ResponseWriter, r *http.Request, outBillNo, transferBillNo string) {
	s.mu.Lock()
	tb := s.findBillLocked("", outBillNo, transferBillNo)
	var res *elecsign
	if tb != nil {
		res = s.a.receipts[key("", tb.OutBillNo)]
	}
	var out []byte
	if res != nil {
		if res.State == "GENERATING" { // generated by the time anyone asks
			res.State, res.UpdateTime = "FINISHED", now3339()
			res.HashType, res.HashValue, res.DownloadURL = s.addFileLocked([]byte("%PDF-1.4 fake receipt of transfer bill " + tb.TransferBillNo + "\n"))
		}
		out, _ = json.Marshal(res)
	}
	s.mu.Unlock()
	if res == nil {
		s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "电子回单申请单不存在")
		return
	}
	s.replyRaw(w, r, out)
}

// batch is a batch transfer (/v3/transfer/batches) kept by the fake.
type batch struct {
	MchID           string `json:"mchid"`
	OutBatchNo      string `json:"out_batch_no"`
	BatchID         string `json:"batch_id"`
	AppID           string `json:"appid"`
	BatchStatus     string `json:"batch_status"`
	BatchType       string `json:"batch_type"`
	BatchName       string `json:"batch_name"`
	BatchRemark     string `json:"batch_remark"`
	CloseReason     string `json:"close_reason,omitempty"`
	TotalAmount     int64  `json:"total_amount"`
	TotalNum        int64  `json:"total_num"`
	CreateTime      string `json:"create_time"`
	UpdateTime      string `json:"update_time"`
	SuccessAmount   int64  `json:"success_amount"`
	SuccessNum      int64  `json:"success_num"`
	FailAmount      int64  `json:"fail_amount"`
	FailNum         int64  `json:"fail_num"`
	TransferSceneID string `json:"transfer_scene_id,omitempty"`

	details     []*batchDetail
	fingerprint string
	// partner batches (/v3/partner-transfer/batches)
	partner                                          bool
	sub, subAppID, authType, spAppID, purpose, scene string
}

// batchKey names a batch in stateA.batches: merchant and partner batches
// have separate out_batch_no spaces.
func batchKey(partner bool, outBatchNo string) string {
	if partner {
		return "p/" + outBatchNo
	}
	return "m/" + outBatchNo
}

// view renders bt as the batch queries do: nested for a merchant batch,
// flat with the partner fields for a partner batch.
func (bt *batch) view(list []map[string]string) map[string]any {
	if !bt.partner {
		res := map[string]any{"transfer_batch": toMap(bt)}
		if list != nil {
			res["transfer_detail_list"] = list
		}
		return res
	}
	m := toMap(bt)
	delete(m, "mchid")
	delete(m, "appid")
	delete(m, "transfer_scene_id")
	m["sp_mchid"], m["sub_mchid"], m["authorization_type"] = bt.MchID, bt.sub, bt.authType
	for k, v := range map[string]string{"sub_appid": bt.subAppID, "sp_appid": bt.spAppID, "transfer_purpose": bt.purpose, "transfer_scene": bt.scene} {
		if v != "" {
			m[k] = v
		}
	}
	if list != nil {
		m["transfer_detail_list"] = list
	}
	return m
}

// batchDetail is one payment of a batch, rendered like the detail queries.
type batchDetail struct {
	MchID          string `json:"mchid"`
	OutBatchNo     string `json:"out_batch_no"`
	BatchID        string `json:"batch_id"`
	AppID          string `json:"appid"`
	OutDetailNo    string `json:"out_detail_no"`
	DetailID       string `json:"detail_id"`
	DetailStatus   string `json:"detail_status"`
	TransferAmount int64  `json:"transfer_amount"`
	TransferRemark string `json:"transfer_remark"`
	FailReason     string `json:"fail_reason,omitempty"`
	OpenID         string `json:"openid"`
	UserName       string `json:"user_name,omitempty"` // encrypted for the merchant
	InitiateTime   string `json:"initiate_time"`
	UpdateTime     string `json:"update_time"`

	named bool // a user_name was given
}

// view renders d as the detail queries do (partner: sp_mchid, username).
func (d *batchDetail) view(partner bool) map[string]any {
	m := toMap(d)
	if partner {
		m["sp_mchid"] = m["mchid"]
		delete(m, "mchid")
		m["username"] = d.UserName
		delete(m, "user_name")
	}
	return m
}

func (s *Server) routeBatch(w http.ResponseWriter, r *http.Request, body []byte) bool {
	p := r.URL.Path
	get, post := r.Method == http.MethodGet, r.Method == http.MethodPost
	switch {
	case post && (p == "/v3/transfer/batches" || p == "/v3/partner-transfer/batches"):
		s.serveBatchCreate(w, r, body, p == "/v3/partner-transfer/batches")
	case get && strings.HasPrefix(p, "/v3/transfer/batches/"):
		s.serveBatchQuery(w, r, strings.Split(strings.TrimPrefix(p, "/v3/transfer/batches/"), "/"), false)
	case get && strings.HasPrefix(p, "/v3/partner-transfer/batches/"):
		s.serveBatchQuery(w, r, strings.Split(strings.TrimPrefix(p, "/v3/partner-transfer/batches/"), "/"), true)
	case post && p == "/v3/transfer/bill-receipt":
		s.serveSignatureApply(w, r, body, false)
	case get && strings.HasPrefix(p, "/v3/transfer/bill-receipt/"):
		s.serveSignatureQuery(w, r, "batch:"+strings.TrimPrefix(p, "/v3/transfer/bill-receipt/"))
	case post && p == "/v3/transfer-detail/electronic-receipts":
		s.serveSignatureApply(w, r, body, true)
	case get && p == "/v3/transfer-detail/electronic-receipts":
		q := r.URL.Query()
		s.serveSignatureQuery(w, r, "detail:"+q.Get("accept_type")+"/"+q.Get("out_batch_no")+"/"+q.Get("out_detail_no"))
	default:
		return false
	}
	return true
}

var authTypes = map[string]bool{"INFORMATION_AUTHORIZATION_TYPE": true, "FUND_AUTHORIZATION_TYPE": true, "INFORMATION_AND_FUND_AUTHORIZATION_TYPE": true}

func (s *Server) serveBatchCreate(w http.ResponseWriter, r *http.Request, body []byte, partner bool) {
	var b struct {
		SubMchID          string `json:"sub_mchid"`
		SubAppID          string `json:"sub_appid"`
		AuthorizationType string `json:"authorization_type"`
		SpAppID           string `json:"sp_appid"`
		TransferPurpose   string `json:"transfer_purpose"`
		TransferScene     string `json:"transfer_scene"`
		AppID             string `json:"appid"`
		OutBatchNo        string `json:"out_batch_no"`
		BatchName         string `json:"batch_name"`
		BatchRemark       string `json:"batch_remark"`
		TotalAmount       int64  `json:"total_amount"`
		TotalNum          int64  `json:"total_num"`
		Details           []struct {
			OutDetailNo    string `json:"out_detail_no"`
			TransferAmount int64  `json:"transfer_amount"`
			TransferRemark string `json:"transfer_remark"`
			OpenID         string `json:"openid"`
			UserName       string `json:"user_name"`
			UserIDCard     string `json:"user_id_card"`
		} `json:"transfer_detail_list"`
		TransferSceneID string `json:"transfer_scene_id"`
		NotifyURL       string `json:"notify_url"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	bad := func(msg string) { s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", msg) }
	if (!partner && b.AppID == "") || !alnum(b.OutBatchNo, 32) || b.BatchName == "" || b.BatchRemark == "" {
		bad("appid、out_batch_no、batch_name、batch_remark必填")
		return
	}
	if partner && (b.SubMchID == "" || !authTypes[b.AuthorizationType]) {
		bad("sub_mchid必填，authorization_type取值错误")
		return
	}
	if partner && !s.knownSub(w, r, b.SubMchID) {
		return
	}
	payer := ""
	if partner {
		payer = b.SubMchID
	}
	if n := len(b.Details); n == 0 || n > 1000 || int64(n) != b.TotalNum {
		bad("total_num与明细笔数不一致(1-1000)")
		return
	}
	var sum int64
	seen := map[string]bool{}
	for i := range b.Details {
		d := &b.Details[i]
		if !alnum(d.OutDetailNo, 32) || seen[d.OutDetailNo] || d.OpenID == "" || d.TransferRemark == "" || d.TransferAmount <= 0 {
			bad("明细单out_detail_no重复或缺少必填参数")
			return
		}
		seen[d.OutDetailNo] = true
		if d.TransferAmount >= 200000 && d.UserName == "" {
			bad("明细金额>=2000元时，user_name必填")
			return
		}
		for _, f := range []struct {
			name string
			v    *string
		}{{"user_name", &d.UserName}, {"user_id_card", &d.UserIDCard}} {
			if *f.v == "" {
				continue
			}
			pt, ok := s.sensitive(w, r, f.name, *f.v)
			if !ok {
				return
			}
			*f.v = pt
		}
		sum += d.TransferAmount
	}
	if sum != b.TotalAmount {
		bad("total_amount与明细金额之和不一致")
		return
	}
	fpb, _ := json.Marshal(b)
	s.mu.Lock()
	bk := batchKey(partner, b.OutBatchNo)
	if ex := s.a.batches[bk]; ex != nil {
		same := ex.fingerprint == string(fpb)
		res := map[string]any{"out_batch_no": ex.OutBatchNo, "batch_id": ex.BatchID, "create_time": ex.CreateTime, "batch_status": ex.BatchStatus}
		s.mu.Unlock()
		if !same {
			s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "商家批次单号重复，且与原批次内容不一致")
			return
		}
		s.reply(w, r, http.StatusOK, res)
		return
	}
	if sum > s.balanceLocked(payer) {
		s.mu.Unlock()
		s.fail(w, r, http.StatusForbidden, "NOT_ENOUGH", "商户运营账户资金不足")
		return
	}
	s.a.balance[payer] -= sum
	now := now3339()
	bt := &batch{
		MchID: s.Opts.MchID, OutBatchNo: b.OutBatchNo, BatchID: "1030" + strconv.FormatInt(7000000000000+s.seq.Add(1), 10),
		AppID: b.AppID, BatchStatus: "ACCEPTED", BatchType: "API", BatchName: b.BatchName, BatchRemark: b.BatchRemark,
		TotalAmount: b.TotalAmount, TotalNum: b.TotalNum, CreateTime: now, UpdateTime: now, TransferSceneID: b.TransferSceneID,
		fingerprint: string(fpb), partner: partner, sub: b.SubMchID, subAppID: b.SubAppID, authType: b.AuthorizationType,
		spAppID: b.SpAppID, purpose: b.TransferPurpose, scene: b.TransferScene,
	}
	appid := b.AppID
	if partner {
		appid = b.SubAppID
		if appid == "" {
			appid = b.SpAppID
		}
	}
	for _, d := range b.Details {
		name := ""
		if d.UserName != "" {
			name = s.sealForMerchant(d.UserName)
		}
		bt.details = append(bt.details, &batchDetail{
			MchID: s.Opts.MchID, OutBatchNo: b.OutBatchNo, BatchID: bt.BatchID, AppID: appid, OutDetailNo: d.OutDetailNo,
			DetailID: "1040" + strconv.FormatInt(7000000000000+s.seq.Add(1), 10), DetailStatus: "PROCESSING",
			TransferAmount: d.TransferAmount, TransferRemark: d.TransferRemark, OpenID: d.OpenID, UserName: name, named: d.UserName != "",
			InitiateTime: now, UpdateTime: now,
		})
	}
	s.a.batches[bk] = bt
	s.mu.Unlock()
	res := map[string]any{"out_batch_no": bt.OutBatchNo, "batch_id": bt.BatchID, "create_time": now}
	if !partner {
		res["batch_status"] = "ACCEPTED"
	}
	s.reply(w, r, http.StatusOK, res)
}

// FinishBatch settles a batch: every detail succeeds except those named in
// fail (out_detail_no to fail reason), whose funds return; the batch becomes
// FINISHED. It returns the MCHTRANSFER.BATCH.FINISHED resource.
func (s *Server) FinishBatch(outBatchNo string, fail map[string]string) (map[string]any, bool) {
	return s.finishBatch(batchKey(false, outBatchNo), fail)
}

// FinishPartnerBatch is FinishBatch for a partner batch (funds return to
// the sub-merchant).
func (s *Server) FinishPartnerBatch(outBatchNo string, fail map[string]string) (map[string]any, bool) {
	return s.finishBatch(batchKey(true, outBatchNo), fail)
}

func (s *Server) finishBatch(k string, fail map[string]string) (map[string]any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	bt := s.a.batches[k]
	if bt == nil || bt.BatchStatus == "FINISHED" || bt.BatchStatus == "CLOSED" {
		return nil, false
	}
	now := now3339()
	for _, d := range bt.details {
		d.UpdateTime = now
		if reason, ok := fail[d.OutDetailNo]; ok {
			d.DetailStatus, d.FailReason = "FAIL", reason
			bt.FailAmount += d.TransferAmount
			bt.FailNum++
			s.a.balance[bt.sub] += d.TransferAmount
			continue
		}
		d.DetailStatus = "SUCCESS"
		bt.SuccessAmount += d.TransferAmount
		bt.SuccessNum++
	}
	bt.BatchStatus, bt.UpdateTime = "FINISHED", now
	return map[string]any{
		"mchid": bt.MchID, "out_batch_no": bt.OutBatchNo, "batch_id": bt.BatchID, "batch_status": bt.BatchStatus,
		"total_num": bt.TotalNum, "total_amount": bt.TotalAmount, "success_amount": bt.SuccessAmount, "success_num": bt.SuccessNum,
		"fail_amount": bt.FailAmount, "fail_num": bt.FailNum, "update_time": now,
	}, true
}

func (s *Server) serveBatchQuery(w http.ResponseWriter, r *http.Request, parts []string, partner bool) {
	// parts: [batch-id|out-batch-no, id] or [..., id, details, detail-id|out-detail-no, id2]
	if len(parts) != 2 && len(parts) != 5 {
		s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "no such API")
		return
	}
	s.mu.Lock()
	var bt *batch
	switch parts[0] {
	case "out-batch-no":
		bt = s.a.batches[batchKey(partner, parts[1])]
	case "batch-id":
		for _, x := range s.a.batches {
			if x.BatchID == parts[1] && x.partner == partner {
				bt = x
			}
		}
	}
	if bt == nil {
		s.mu.Unlock()
		s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "批次单不存在")
		return
	}
	if len(parts) == 5 {
		var d *batchDetail
		for _, x := range bt.details {
			if (parts[3] == "detail-id" && x.DetailID == parts[4]) || (parts[3] == "out-detail-no" && x.OutDetailNo == parts[4]) {
				d = x
			}
		}
		var out []byte
		if d != nil {
			out, _ = json.Marshal(d.view(partner))
		}
		s.mu.Unlock()
		if d == nil || parts[2] != "details" {
			s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "明细单不存在")
			return
		}
		s.replyRaw(w, r, out)
		return
	}
	q := r.URL.Query()
	need := q.Get("need_query_detail")
	offset, err1 := strconv.Atoi(q.Get("offset"))
	limit, err2 := strconv.Atoi(q.Get("limit"))
	status := q.Get("detail_status")
	switch {
	case need != "true" && need != "false":
		s.mu.Unlock()
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "need_query_detail必填")
		return
	case need == "true" && (q.Get("offset") != "" && (err1 != nil || offset < 0) || q.Get("limit") != "" && (err2 != nil || limit < 1 || limit > 100)):
		s.mu.Unlock()
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "offset须>=0，limit须在1-100之间")
		return
	case need == "true" && status != "" && status != "ALL" && status != "SUCCESS" && status != "FAIL":
		s.mu.Unlock()
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "detail_status只能是ALL、SUCCESS、FAIL")
		return
	}
	if q.Get("limit") == "" {
		limit = 20
	}
	var list []map[string]string
	if need == "true" {
		list = []map[string]string{}
		var matched []*batchDetail
		for _, d := range bt.details {
			if status == "" || status == "ALL" || d.DetailStatus == status {
				matched = append(matched, d)
			}
		}
		for i := offset; i < len(matched) && i < offset+limit; i++ {
			d := matched[i]
			list = append(list, map[string]string{"detail_id": d.DetailID, "out_detail_no": d.OutDetailNo, "detail_status": d.DetailStatus})
		}
	}
	res := bt.view(list)
	s.mu.Unlock()
	s.reply(w, r, http.StatusOK, res)
}

// signature is a receipt request of the batch transfer API.
type signature struct {
	AcceptType      string `json:"accept_type,omitempty"`
	OutBatchNo      string `json:"out_batch_no,omitempty"`
	OutDetailNo     string `json:"out_detail_no,omitempty"`
	SignatureNo     string `json:"signature_no"`
	SignatureStatus string `json:"signature_status"`
	HashType        string `json:"hash_type,omitempty"`
	HashValue       string `json:"hash_value,omitempty"`
	DownloadURL     string `json:"download_url,omitempty"`
	CreateTime      string `json:"create_time"`
	UpdateTime      string `json:"update_time"`
}

func (s *Server) serveSignatureApply(w http.ResponseWriter, r *http.Request, body []byte, detail bool) {
	var b struct {
		AcceptType  string `json:"accept_type"`
		OutBatchNo  string `json:"out_batch_no"`
		OutDetailNo string `json:"out_detail_no"`
	}
	if !s.decodeJSON(w, r, body, &b) {
		return
	}
	if b.OutBatchNo == "" || (detail && (b.AcceptType != "BATCH_TRANSFER" || b.OutDetailNo == "")) {
		s.fail(w, r, http.StatusBadRequest, "PARAM_ERROR", "out_batch_no必填；明细回单仅支持accept_type为BATCH_TRANSFER且out_detail_no必填")
		return
	}
	s.mu.Lock()
	bt := s.a.batches[batchKey(false, b.OutBatchNo)]
	ok := bt != nil && bt.BatchStatus == "FINISHED"
	k := "batch:" + b.OutBatchNo
	if detail {
		ok = false
		for _, d := range bt.detailsOrNil() {
			ok = ok || (d.OutDetailNo == b.OutDetailNo && d.DetailStatus == "SUCCESS" && d.named)
		}
		k = "detail:" + b.AcceptType + "/" + b.OutBatchNo + "/" + b.OutDetailNo
	}
	var out []byte
	if ok {
		sg := s.a.sigs[k]
		if sg == nil {
			now := now3339()
			sg = &signature{SignatureNo: "1050" + strconv.FormatInt(7000000000000+s.seq.Add(1), 10), SignatureStatus: "ACCEPTED", CreateTime: now, UpdateTime: now}
			if detail {
				sg.AcceptType, sg.OutBatchNo, sg.OutDetailNo = b.AcceptType, b.OutBatchNo, b.OutDetailNo
			} else {
				sg.OutBatchNo = b.OutBatchNo
			}
			s.a.sigs[k] = sg
		}
		out, _ = json.Marshal(sg)
	}
	s.mu.Unlock()
	if !ok {
		s.fail(w, r, http.StatusBadRequest, "INVALID_REQUEST", "批次未完成或明细未成功(明细回单要求转账时传入姓名)，不能申请电子回单")
		return
	}
	s.replyRaw(w, r, out)
}

func (bt *batch) detailsOrNil() []*batchDetail {
	if bt == nil {
		return nil
	}
	return bt.details
}

func (s *Server) serveSignatureQuery(w http.ResponseWriter, r *http.Request, k string) {
	s.mu.Lock()
	sg := s.a.sigs[k]
	var out []byte
	if sg != nil {
		if sg.SignatureStatus == "ACCEPTED" { // signed by the time anyone asks
			sg.SignatureStatus, sg.UpdateTime = "FINISHED", now3339()
			sg.HashType, sg.HashValue, sg.DownloadURL = s.addFileLocked([]byte("%PDF-1.4 fake receipt " + sg.SignatureNo + "\n"))
		}
		out, _ = json.Marshal(sg)
	}
	s.mu.Unlock()
	if sg == nil {
		s.fail(w, r, http.StatusNotFound, "NOT_FOUND", "电子回单申请单不存在")
		return
	}
	s.replyRaw(w, r, out)
}
