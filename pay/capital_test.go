package pay_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/pay"
)

func TestCapitalSearchBanksByAccount(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			var serial, sent string
			srv.SetHook(func(r *http.Request, _ http.Header, b []byte) []byte {
				serial, sent = r.Header.Get("Wechatpay-Serial"), r.URL.Query().Get("account_number")
				return b
			})
			res, err := c.Capital.SearchBanksByAccount(ctx(t), "6225880137071234")
			if err != nil {
				t.Fatal(err)
			}
			if res.TotalCount != 1 || len(res.Data) != 1 {
				t.Fatalf("got %+v", res)
			}
			want := pay.Bank{BankAlias: "招商银行", BankAliasCode: "1000009561", AccountBank: "招商银行", AccountBankCode: 1001}
			if res.Data[0] != want {
				t.Errorf("bank %+v, want %+v", res.Data[0], want)
			}
			if serial == "" || sent == "" || strings.Contains(sent, "6225880137071234") {
				t.Errorf("account number not encrypted: serial %q, sent %q", serial, sent)
			}

			res, err = c.Capital.SearchBanksByAccount(ctx(t), "6200000000000000")
			if err != nil || res.TotalCount != 0 || len(res.Data) != 0 {
				t.Errorf("unknown card: %+v %v", res, err)
			}
		})
	}
}

func TestCapitalSearchBanksErrors(t *testing.T) {
	srv := newServer(t, 0)
	c := newClient(t, srv, pay.VerifyCertificates)
	_, err := c.Capital.SearchBanksByAccount(ctx(t), "")
	wantArg(t, err)
	if srv.RequestCount("/v3/capital/capitallhh/banks/search-banks-by-bank-account") != 0 {
		t.Error("request sent for a missing argument")
	}
}

func TestCapitalBankLists(t *testing.T) {
	srv := newServer(t, 0)
	c := newClient(t, srv, pay.VerifyCertificates)
	var queries []string
	srv.SetHook(func(r *http.Request, _ http.Header, b []byte) []byte {
		if strings.HasSuffix(r.URL.Path, "/personal-banking") {
			queries = append(queries, r.URL.RawQuery)
		}
		return b
	})
	personal := collect(t, c.Capital.PersonalBanks(ctx(t), 2))
	var codes []string
	for _, b := range personal {
		codes = append(codes, b.BankAliasCode)
	}
	if !slices.Equal(codes, []string{"1000009561", "1000009503", "1000009501"}) {
		t.Errorf("personal banks %v", codes)
	}
	if !personal[2].NeedBankBranch || personal[2].AccountBank != "其他银行" || personal[2].AccountBankCode != 1099 {
		t.Errorf("网商银行 %+v", personal[2])
	}
	if !slices.Equal(queries, []string{"limit=2&offset=0", "limit=2&offset=2"}) {
		t.Errorf("pages %q", queries)
	}

	corporate := collect(t, c.Capital.CorporateBanks(ctx(t), 0))
	if len(corporate) != 4 || corporate[3].BankAlias != "宁波银行" {
		t.Errorf("corporate banks %+v", corporate)
	}
	for _, err := range c.Capital.CorporateBanks(ctx(t), -1) {
		wantArg(t, err)
	}
}

func TestCapitalAreas(t *testing.T) {
	srv := newServer(t, 0)
	c := newClient(t, srv, pay.VerifyCertificates)
	provinces, err := c.Capital.Provinces(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(provinces) != 3 || provinces[1] != (pay.Province{ProvinceName: "浙江省", ProvinceCode: 12}) {
		t.Fatalf("provinces %+v", provinces)
	}
	cities, err := c.Capital.Cities(ctx(t), 12)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cities, []pay.City{{CityName: "杭州市", CityCode: 571}, {CityName: "宁波市", CityCode: 574}}) {
		t.Errorf("cities %+v", cities)
	}
	_, err = c.Capital.Cities(ctx(t), 99)
	wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")
	_, err = c.Capital.Cities(ctx(t), 0)
	wantArg(t, err)
}

func TestCapitalBranches(t *testing.T) {
	srv := newServer(t, 0)
	c := newClient(t, srv, pay.VerifyCertificates)
	branches := collect(t, c.Capital.Branches(ctx(t), "1000009547", 574, 2))
	if len(branches) != 3 || branches[0] != (pay.BankBranch{BankBranchName: "宁波银行股份有限公司营业部", BankBranchID: "313332082914"}) {
		t.Errorf("branches %+v", branches)
	}
	if n := srv.RequestCount("/v3/capital/capitallhh/banks/1000009547/branches"); n != 2 {
		t.Errorf("%d requests, want 2 pages", n)
	}
	if b := collect(t, c.Capital.Branches(ctx(t), "1000009547", 20, 0)); len(b) != 0 {
		t.Errorf("no branch in that city, got %+v", b)
	}
	// 招商银行 needs no branch: nothing to list.
	for _, err := range c.Capital.Branches(ctx(t), "1000009561", 571, 10) {
		wantPayError(t, err, http.StatusNotFound, "NOT_FOUND")
	}
	for _, err := range c.Capital.Branches(ctx(t), "", 571, 10) {
		wantArg(t, err)
	}
	for _, err := range c.Capital.Branches(ctx(t), "1000009547", 0, 10) {
		wantArg(t, err)
	}
}
