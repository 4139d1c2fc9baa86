package fakepay

import (
	"bytes"
	"compress/gzip"
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/http"
)

// returnAdvance is the return of an advanced e-commerce refund, rendered
// like its query.
type returnAdvance struct {
	RefundID        string `json:"refund_id"`
	AdvanceReturnID string `json:"advance_return_id"`
	ReturnAmount    int64  `json:"return_amount"`
	PayerMchID      string `json:"payer_mchid"`
	PayerAccount    string `json:"payer_account"`
	PayeeMchID      string `json:"payee_mchid"`
	PayeeAccount    string `json:"payee_account"`
	Result          string `json:"result"`
	SuccessTime     string `json:"success_time,omitempty"`
}

func init() {
	routesB = append(routesB,
		route{"POST", "/v3/ecommerce/refunds/{refund_id}/return-advance", func(s *Server, c *call) { s.returnAdvance(c, true) }},
		route{"GET", "/v3/ecommerce/refunds/{refund_id}/return-advance", func(s *Server, c *call) { s.returnAdvance(c, false) }},
		route{"GET", "/v3/ecommerce/bill/fundflowbill", (*Server).ecomFundFlowBill},
	)
}

// returnAdvance creates (post) or queries the return of the advanced
// refund refund_id of sub_mchid.
func (s *Server) returnAdvance(c *call, post bool) {
	sub := c.q("sub_mchid")
	if post {
		if !s.requireJSON(c, "sub_mchid") {
			return
		}
		sub = c.str("sub_mchid")
	} else if !s.requireQuery(c, "sub_mchid") {
		return
	}
	if !s.knownSub(c.w, c.r, sub) {
		return
	}
	id := c.params["refund_id"]
	s.mu.Lock()
	var rf *ecomRefund
	for _, x := range s.c.ecom().refunds {
		if x.RefundID == id && x.subMchID == sub {
			rf = x
		}
	}
	var amount int64
	advanced := rf != nil && rf.RefundAccount == "REFUND_SOURCE_PARTNER_ADVANCE"
	if advanced {
		amount, _ = rf.Amount["advance"].(int64)
	}
	s.mu.Unlock()
	s.withMore(c, func(m *moreState) answer {
		ra := m.advances[id]
		switch {
		case rf == nil:
			return oops(http.StatusNotFound, "RESOURCE_NOT_EXISTS", "退款单不存在")
		case !advanced:
			return oops(http.StatusBadRequest, "INVALID_REQUEST", "退款单不是垫付退款")
		case ra != nil || !post:
			if ra == nil {
				return oops(http.StatusNotFound, "RESOURCE_NOT_EXISTS", "垫付回补单不存在")
			}
			return ok(ra) // a repeated return answers the first
		}
		if m.advances == nil {
			m.advances = map[string]*returnAdvance{}
		}
		ra = &returnAdvance{RefundID: id, AdvanceReturnID: fmt.Sprintf("121556250120%016d", s.seq.Add(1)), ReturnAmount: amount,
			PayerMchID: sub, PayerAccount: "BASIC", PayeeMchID: s.Opts.MchID, PayeeAccount: "BASIC", Result: "SUCCESS",
			SuccessTime: s.now3339()}
		m.advances[id] = ra
		return ok(ra)
	})
}

// ecomFundFlowBill answers the sub-merchants' fund-flow bill of the date
// registered with AddBill, as one part encrypted with AEAD_AES_256_GCM
// under a random key that is itself encrypted for the merchant's
// certificate.
func (s *Server) ecomFundFlowBill(c *call) {
	if !s.requireQuery(c, "bill_date", "account_type", "algorithm") {
		return
	}
	fail := func(field string) {
		s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "参数错误: " + field,
			Detail: map[string]any{"field": field, "location": "query"}})
	}
	tar := c.q("tar_type")
	switch {
	case c.q("account_type") != "ALL":
		fail("account_type")
		return
	case c.q("algorithm") != "AEAD_AES_256_GCM": // SM4_GCM is not modelled
		fail("algorithm")
		return
	case tar != "" && tar != "GZIP":
		fail("tar_type")
		return
	}
	s.mu.Lock()
	content, found := s.bills["date:"+c.q("bill_date")]
	s.mu.Unlock()
	if !found {
		s.fail(c.w, c.r, http.StatusBadRequest, "NO_STATEMENT_EXIST", "账单文件不存在")
		return
	}
	sum := sha1.Sum(content)
	file := content
	if tar == "GZIP" {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		_, _ = zw.Write(content)
		_ = zw.Close()
		file = buf.Bytes()
	}
	key, nonce := nonceHex(), nonceHex()[:16] // 32 and 16 characters
	block, _ := aes.NewCipher([]byte(key))
	aead, _ := cipher.NewGCMWithNonceSize(block, len(nonce))
	token := "ecomfund." + nonceHex() // served as is by /v3/billdownload/file
	s.mu.Lock()
	s.bills["token:"+token] = aead.Seal(nil, []byte(nonce), file, nil)
	s.mu.Unlock()
	s.reply(c.w, c.r, http.StatusOK, map[string]any{"download_bill_count": 1, "download_bill_list": []map[string]any{{
		"bill_sequence": 1, "download_url": s.URL + "/v3/billdownload/file?token=" + token,
		"encrypt_key": s.encryptForMerchant(key), "hash_type": "SHA1", "hash_value": hex.EncodeToString(sum[:]), "nonce": nonce,
	}}})
}
