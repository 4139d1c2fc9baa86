package fakepay

import (
	"net/http"
	"strconv"
	"strings"
)

// The bank component (/v3/capital/capitallhh/...) answers a small fixed
// table shaped like the docs' examples.

// capitalBank is a bank of the fixed table.
type capitalBank struct {
	alias, aliasCode, accountBank string
	accountBankCode               int64
	needBranch                    bool
	personal, corporate           bool
	cardPrefixes                  []string // personal card numbers it issues
}

// capitalBanks is the fake's bank table (bank_alias_code → bank): the
// personal-banking list has the banks marked personal, corporate-banking
// the corporate ones.
var capitalBanks = []capitalBank{
	{"招商银行", "1000009561", "招商银行", 1001, false, true, true, []string{"622588", "621485"}},
	{"中国工商银行", "1000009503", "工商银行", 1002, false, true, true, []string{"622202", "621226"}},
	{"浙江网商银行", "1000009501", "其他银行", 1099, true, true, true, []string{"623229"}},
	{"宁波银行", "1000009547", "其他银行", 1099, true, false, true, nil},
}

// Provinces and cities of the fake (province_code → cities).
var (
	capitalProvinces = []map[string]any{
		{"province_name": "北京市", "province_code": 1},
		{"province_name": "浙江省", "province_code": 12},
		{"province_name": "广东省", "province_code": 22},
	}
	capitalCities = map[string][]map[string]any{
		"1":  {{"city_name": "北京市", "city_code": 10}},
		"12": {{"city_name": "杭州市", "city_code": 571}, {"city_name": "宁波市", "city_code": 574}},
		"22": {{"city_name": "广州市", "city_code": 20}, {"city_name": "深圳市", "city_code": 755}},
	}
	// capitalBranches are the branches by bank_alias_code and city_code.
	capitalBranches = map[string][]map[string]any{
		"1000009501/571": {{"bank_branch_name": "浙江网商银行股份有限公司", "bank_branch_id": "323331000001"}},
		"1000009547/574": {
			{"bank_branch_name": "宁波银行股份有限公司营业部", "bank_branch_id": "313332082914"},
			{"bank_branch_name": "宁波银行股份有限公司江东支行", "bank_branch_id": "313332082043"},
			{"bank_branch_name": "宁波银行股份有限公司江北支行", "bank_branch_id": "313332083049"},
		},
		"1000009547/571": {{"bank_branch_name": "宁波银行股份有限公司杭州分行", "bank_branch_id": "313331000014"}},
	}
)

var capitalRoutes = []route{
	{"GET", "/v3/capital/capitallhh/banks/search-banks-by-bank-account", (*Server).searchBanksByAccount},
	{"GET", "/v3/capital/capitallhh/banks/personal-banking", (*Server).listCapitalBanks},
	{"GET", "/v3/capital/capitallhh/banks/corporate-banking", (*Server).listCapitalBanks},
	{"GET", "/v3/capital/capitallhh/areas/provinces", (*Server).listProvinces},
	{"GET", "/v3/capital/capitallhh/areas/provinces/{province_code}/cities", (*Server).listCities},
	{"GET", "/v3/capital/capitallhh/banks/{bank_alias_code}/branches", (*Server).listBranches},
}

func init() { routesB = append(routesB, capitalRoutes...) }

func (b *capitalBank) json() map[string]any {
	return map[string]any{"bank_alias": b.alias, "bank_alias_code": b.aliasCode, "account_bank": b.accountBank,
		"account_bank_code": b.accountBankCode, "need_bank_branch": b.needBranch}
}

func (s *Server) searchBanksByAccount(c *call) {
	if !s.requireQuery(c, "account_number") {
		return
	}
	serial := c.r.Header.Get("Wechatpay-Serial")
	num, ok := s.decryptSensitive(serial, c.q("account_number"))
	if !ok {
		s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR",
			Message: "敏感信息解密失败 (Wechatpay-Serial " + serial + ")", Detail: map[string]any{"field": "account_number"}})
		return
	}
	data := []any{}
	for i := range capitalBanks {
		for _, p := range capitalBanks[i].cardPrefixes {
			if strings.HasPrefix(num, p) {
				data = append(data, capitalBanks[i].json())
				break
			}
		}
	}
	s.reply(c.w, c.r, http.StatusOK, map[string]any{"total_count": len(data), "data": data})
}

// capitalPage answers one offset/limit page the way the bank component
// does: limit required (at least 1), offset at least 0 (default 0), and
// {total_count, count, data, offset, links} plus extra.
func (s *Server) capitalPage(c *call, items []any, extra map[string]any) {
	if !s.requireQuery(c, "limit") {
		return
	}
	limit, err := strconv.Atoi(c.q("limit"))
	if err != nil || limit < 1 {
		s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "limit 必须为非0非负的整数"})
		return
	}
	offset := 0
	if v := c.q("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "offset 必须为非负整数"})
			return
		}
	}
	data := []any{}
	if offset < len(items) {
		data = items[offset:min(offset+limit, len(items))]
	}
	out := map[string]any{"total_count": len(items), "count": len(data), "data": data, "offset": offset,
		"links": map[string]any{}}
	for k, v := range extra {
		out[k] = v
	}
	s.reply(c.w, c.r, http.StatusOK, out)
}

func (s *Server) listCapitalBanks(c *call) {
	personal := strings.HasSuffix(c.r.URL.Path, "/personal-banking")
	var items []any
	for i := range capitalBanks {
		if b := &capitalBanks[i]; (personal && b.personal) || (!personal && b.corporate) {
			items = append(items, b.json())
		}
	}
	s.capitalPage(c, items, nil)
}

func (s *Server) listProvinces(c *call) {
	items := make([]any, len(capitalProvinces))
	for i, p := range capitalProvinces {
		items[i] = p
	}
	s.reply(c.w, c.r, http.StatusOK, map[string]any{"data": items, "total_count": len(items)})
}

func (s *Server) listCities(c *call) {
	cities, ok := capitalCities[c.params["province_code"]]
	if !ok {
		s.fail(c.w, c.r, http.StatusNotFound, "NOT_FOUND", "查询结果为空")
		return
	}
	s.reply(c.w, c.r, http.StatusOK, map[string]any{"data": cities, "total_count": len(cities)})
}

func (s *Server) listBranches(c *call) {
	if !s.requireQuery(c, "city_code") {
		return
	}
	if _, err := strconv.ParseInt(c.q("city_code"), 10, 64); err != nil {
		s.reply(c.w, c.r, http.StatusBadRequest, apiError{Code: "PARAM_ERROR", Message: "city_code 必须为整数"})
		return
	}
	var bank *capitalBank
	for i := range capitalBanks {
		if capitalBanks[i].aliasCode == c.params["bank_alias_code"] {
			bank = &capitalBanks[i]
		}
	}
	if bank == nil || !bank.needBranch {
		s.fail(c.w, c.r, http.StatusNotFound, "NOT_FOUND", "查询结果为空")
		return
	}
	var items []any
	for _, b := range capitalBranches[bank.aliasCode+"/"+c.q("city_code")] {
		items = append(items, b)
	}
	s.capitalPage(c, items, map[string]any{"account_bank": bank.accountBank, "account_bank_code": bank.accountBankCode,
		"bank_alias": bank.alias, "bank_alias_code": bank.aliasCode})
}
