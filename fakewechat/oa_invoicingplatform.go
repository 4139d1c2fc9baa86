package fakewechat

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"
)

func init() { builtin = append(builtin, registerOAInvoicingPlatform) }

const oaMaxInvoicePDF = 2 << 20 // bytes of an invoice PDF

var oaReimburseStatuses = map[string]bool{
	"INVOICE_REIMBURSE_INIT": true, "INVOICE_REIMBURSE_LOCK": true, "INVOICE_REIMBURSE_CLOSURE": true,
}

func registerOAInvoicingPlatform(s *Server) {
	// https://developers.weixin.qq.com/doc/offiaccount/WeChat_Invoice/E_Invoice/Invoicing_Platform_API_List.html
	s.HandleJSON("POST /card/invoice/seturl", func(r *Request) (any, error) {
		if _, err := r.JSON(); err != nil {
			return nil, err
		}
		return OK(M{"invoice_url": "https://mp.weixin.qq.com/bizmall/authinvoice?action=list&s_pappid=" + InvoiceSPAppID(r.AppID)}), nil
	})
	s.HandleJSON("POST /card/invoice/platform/createcard", func(r *Request) (any, error) {
		var in struct {
			InvoiceInfo *struct {
				BaseInfo M      `json:"base_info"`
				Payee    string `json:"payee"`
				Type     string `json:"type"`
			} `json:"invoice_info"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		ii := in.InvoiceInfo
		if ii == nil || ii.Payee == "" || ii.Type == "" || ii.BaseInfo == nil {
			return nil, ErrCode(CodeCardMissingField)
		}
		logo, _ := ii.BaseInfo["logo_url"].(string)
		title, _ := ii.BaseInfo["title"].(string)
		if logo == "" || title == "" {
			return nil, ErrCode(CodeCardMissingField)
		}
		if utf8.RuneCountInString(title) > 9 {
			return nil, ErrCode(CodeCardFieldTooLong)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		c := &oaCard{id: "p" + cs.newID("", 27), typ: "INVOICE", status: cardStatusVerifyOK, created: r.Now(),
			obj: M{"base_info": ii.BaseInfo, "payee": ii.Payee, "type": ii.Type}}
		cs.cards[c.id] = c
		cs.order = append(cs.order, c.id)
		return OK(M{"card_id": c.id}), nil
	})
	s.HandleRaw("POST /card/invoice/platform/setpdf", func(w http.ResponseWriter, r *Request) {
		f, _, err := r.HTTP.FormFile("pdf")
		if err != nil {
			s.WriteError(w, r.HTTP, ErrCode(CodeMediaDataMissing))
			return
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, oaMaxInvoicePDF+1))
		if err != nil || len(data) > oaMaxInvoicePDF || !bytes.HasPrefix(data, []byte("%PDF-")) {
			s.WriteError(w, r.HTTP, Errorf(CodeInvoiceInvalidParams, "invalid pdf"))
			return
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		cs.invoice.init()
		cs.invoice.nextPDF++
		id := strconv.FormatInt(cs.invoice.nextPDF, 10)
		cs.invoice.pdfs[id] = len(data)
		cs.mu.Unlock()
		WriteJSON(w, http.StatusOK, OK(M{"s_media_id": id}))
	})
	s.HandleJSON("POST /card/invoice/platform/getpdf", func(r *Request) (any, error) {
		var in struct {
			Action   string `json:"action"`
			SMediaID string `json:"s_media_id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Action != "get_url" {
			return nil, ErrCode(CodeInvoiceInvalidParams)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		cs.invoice.init()
		if _, ok := cs.invoice.pdfs[in.SMediaID]; !ok {
			return nil, Errorf(CodeInvoiceInvalidParams, "invalid s_media_id")
		}
		return OK(M{"pdf_url": "https://mp.weixin.qq.com/intp/invoice/getpdf?media_id=" + in.SMediaID, "pdf_url_expire_time": 7200}), nil
	})
	s.HandleJSON("POST /card/invoice/insert", func(r *Request) (any, error) {
		var in struct {
			OrderID string `json:"order_id"`
			CardID  string `json:"card_id"`
			AppID   string `json:"appid"`
			CardExt struct {
				NonceStr string `json:"nonce_str"`
				UserCard struct {
					InvoiceUserData *struct {
						Fee         *int   `json:"fee"`
						Title       string `json:"title"`
						SPDFMediaID string `json:"s_pdf_media_id"`
					} `json:"invoice_user_data"`
				} `json:"user_card"`
			} `json:"card_ext"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		data := in.CardExt.UserCard.InvoiceUserData
		if in.OrderID == "" || in.AppID == "" || in.CardExt.NonceStr == "" || data == nil || data.Fee == nil || data.Title == "" {
			return nil, ErrCode(CodeInvoiceInvalidParams)
		}
		// The platform's card and PDF; the merchant's order.
		ps := oaCards(r.State())
		ms := oaCards(s.State(in.AppID))
		ps.mu.Lock()
		c := ps.cards[in.CardID]
		ps.invoice.init()
		_, pdfOK := ps.invoice.pdfs[data.SPDFMediaID]
		ps.mu.Unlock()
		if c == nil || c.typ != "INVOICE" {
			return nil, ErrCode(CodeCardInvalidCardID)
		}
		if !pdfOK {
			return nil, Errorf(CodeInvoiceInvalidParams, "invalid s_pdf_media_id")
		}
		ms.mu.Lock()
		ms.invoice.init()
		o := ms.invoice.orders[in.OrderID]
		var oerr *Error
		switch {
		case o != nil && o.rejected != "":
			oerr = ErrCode(CodeInvoiceRejected)
		case o == nil || o.authTime == 0:
			oerr = ErrCode(CodeInvoiceNeverAuth)
		case o.inserted:
			oerr = Errorf(CodeInvoiceInvalidParams, "invoice already inserted")
		default:
			o.inserted = true
		}
		ms.mu.Unlock()
		if oerr != nil {
			return nil, oerr
		}
		ps.mu.Lock()
		defer ps.mu.Unlock()
		code := ps.newID("", 20)
		for ps.codes[code] != nil {
			code = ps.newID("", 20)
		}
		ps.codes[code] = &oaCardCode{cardID: c.id, code: code, openid: o.openid, status: userCardNormal,
			begin: r.Now().Unix(), reimburse: "INVOICE_REIMBURSE_INIT"}
		return OK(M{"code": code, "openid": o.openid}), nil
	})
	s.HandleJSON("POST /card/invoice/platform/updatestatus", func(r *Request) (any, error) {
		var in struct {
			CardID          string `json:"card_id"`
			Code            string `json:"code"`
			ReimburseStatus string `json:"reimburse_status"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if !oaReimburseStatuses[in.ReimburseStatus] {
			return nil, ErrCode(CodeInvoiceInvalidParams)
		}
		cs := oaCards(r.State())
		cs.mu.Lock()
		defer cs.mu.Unlock()
		c, err := cs.card(in.CardID)
		if err != nil {
			return nil, err
		}
		if c.typ != "INVOICE" {
			return nil, ErrCode(CodeCardInvalidType)
		}
		cc, err := cs.code(in.CardID, in.Code)
		if err != nil {
			return nil, err
		}
		if cc.reimburse == "INVOICE_REIMBURSE_CLOSURE" {
			return nil, ErrCode(CodeCardInvalidStatus)
		}
		cc.reimburse = in.ReimburseStatus
		return nil, nil
	})
}
