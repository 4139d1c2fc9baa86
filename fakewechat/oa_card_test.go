package fakewechat

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// oaCardPaths are the JSON endpoints of the card and invoice fakes.
var oaCardPaths = []string{
	"/card/create", "/card/paycell/set", "/card/selfconsumecell/set", "/card/code/get", "/card/code/consume",
	"/card/code/decrypt", "/card/qrcode/create", "/card/landingpage/create", "/card/code/deposit",
	"/card/code/getdepositcount", "/card/code/checkcode", "/card/mpnews/gethtml", "/card/testwhitelist/set",
	"/card/user/getcardlist", "/card/get", "/card/batchget", "/card/update", "/card/modifystock", "/card/code/update",
	"/card/delete", "/card/code/unavailable", "/datacube/getcardbizuininfo", "/datacube/getcardcardinfo",
	"/card/membercard/activate", "/card/membercard/activateuserform/set", "/card/membercard/activatetempinfo/get",
	"/card/membercard/userinfo/get", "/card/paygiftcard/add", "/card/paygiftcard/delete", "/card/paygiftcard/getbyid",
	"/card/paygiftcard/batchget", "/card/invoice/getauthurl", "/card/invoice/getauthdata", "/card/invoice/rejectinsert",
	"/card/invoice/setbizattr", "/card/invoice/seturl", "/card/invoice/platform/createcard",
	"/card/invoice/platform/getpdf", "/card/invoice/insert", "/card/invoice/platform/updatestatus",
}

// seededCardServer returns a server with a member card, a cash card with
// imported codes, a code of each held by a user, and an access token.
func seededCardServer(t testing.TB) (*Server, string, string) {
	s := New(WithClock(func() time.Time { return t0 }))
	tok, err := s.IssueToken(DefaultAppID)
	if err != nil {
		t.Fatal(err)
	}
	post := func(path, body string) M {
		r := httptest.NewRequest(http.MethodPost, path+"?access_token="+tok, strings.NewReader(body))
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		var m M
		if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil || m["errcode"] != nil && m["errcode"] != 0.0 {
			t.Fatalf("%s: %s", path, w.Body.Bytes())
		}
		return m
	}
	member := post("/card/create", `{"card":{"card_type":"MEMBER_CARD","member_card":{"prerogative":"p","base_info":{"logo_url":"l","brand_name":"b","title":"t","code_type":"CODE_TYPE_TEXT","sku":{"quantity":5},"date_info":{"type":"DATE_TYPE_PERMANENT"}}}}}`)["card_id"].(string)
	cash := post("/card/create", `{"card":{"card_type":"CASH","cash":{"base_info":{"logo_url":"l","brand_name":"b","title":"t","code_type":"CODE_TYPE_TEXT","sku":{"quantity":5},"date_info":{"type":"DATE_TYPE_FIX_TERM","fixed_term":3},"use_custom_code":true,"get_custom_code_mode":"GET_CUSTOM_CODE_MODE_DEPOSIT"}}}}`)["card_id"].(string)
	post("/card/code/deposit", `{"card_id":"`+cash+`","code":["C1","C2"]}`)
	for _, id := range []string{member, cash} {
		if err := s.ApproveCard(DefaultAppID, id); err != nil {
			t.Fatal(err)
		}
		if _, err := s.GiveCard(DefaultAppID, id, "oUser"); err != nil {
			t.Fatal(err)
		}
	}
	return s, tok, member
}

func TestOACardSeed(t *testing.T) {
	s, _, member := seededCardServer(t)
	cs := oaCards(s.State(DefaultAppID))
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if len(cs.cards) != 2 || cs.cards[member].quantity != 4 || len(cs.codes) != 2 {
		t.Errorf("seeded state: %d cards, %d codes", len(cs.cards), len(cs.codes))
	}
}

// FuzzOACardEndpoints sends arbitrary JSON bodies to the card and invoice
// endpoints of a seeded server: they must never panic and always answer
// JSON with HTTP 200, as WeChat does.
func FuzzOACardEndpoints(f *testing.F) {
	f.Add(uint8(0), `{"card":{"card_type":"GIFT","gift":{"base_info":{"logo_url":"l","brand_name":"b","title":"t","code_type":"CODE_TYPE_NONE","sku":{"quantity":1},"date_info":{"type":"DATE_TYPE_FIX_TIME_RANGE","begin_timestamp":1,"end_timestamp":99999999999}},"gift":"g"}}}`)
	f.Add(uint8(0), `{"card":{"card_type":"CASH","cash":{"base_info":null}}}`)
	f.Add(uint8(3), `{"code":"000000000001","check_consume":true}`)
	f.Add(uint8(6), `{"action_name":"QR_MULTIPLE_CARD","action_info":{"multiple_card":{"card_list":[{"card_id":"x"}]}}}`)
	f.Add(uint8(8), `{"card_id":"x","code":["a",""]}`)
	f.Add(uint8(16), `{"card_id":"x","member_card":{"base_info":{"title":"n"}}}`)
	f.Add(uint8(16), `{"card_id":"x","cash":[]}`)
	f.Add(uint8(21), `{"begin_date":"2026-01-01","end_date":"2026-02-01","cond_source":1}`)
	f.Add(uint8(24), `{"card_id":"x","required_form":{"common_field_id_list":[1,"USER_FORM_INFO_FLAG_NAME"]}}`)
	f.Add(uint8(27), `{"rule_info":{"type":"RULE_TYPE_PAY_MEMBER_CARD","base_info":{"mchid_list":["1"],"begin_time":1,"end_time":2},"member_rule":{"card_id":"x","least_cost":"a"}}}`)
	f.Add(uint8(34), `{"auth_field":{"user_field":{"show_title":1}}}`)
	f.Add(uint8(38), `{"order_id":"o","card_id":"c","appid":"wx","card_ext":{"nonce_str":"n","user_card":{"invoice_user_data":{"fee":1,"title":"t"}}}}`)
	f.Add(uint8(255), `[]`)
	f.Add(uint8(1), `null`)
	f.Fuzz(func(t *testing.T, which uint8, body string) {
		s, tok, member := seededCardServer(t)
		path := oaCardPaths[int(which)%len(oaCardPaths)]
		body = strings.ReplaceAll(body, `"x"`, `"`+member+`"`)
		q := "?access_token=" + tok + "&action=get_contact"
		r := httptest.NewRequest(http.MethodPost, path+q, strings.NewReader(body))
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != http.StatusOK || !json.Valid(w.Body.Bytes()) {
			t.Fatalf("%s %q: answer %d %q", path, body, w.Code, w.Body.Bytes())
		}
	})
}
