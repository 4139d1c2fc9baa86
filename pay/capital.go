package pay

import (
	"context"
	"iter"
	"strconv"
)

// CapitalService is the bank component (银行组件) of service providers:
// read-only look-ups of banks, bank branches, provinces and cities, used to
// fill the bank account of onboarding applications (account_bank,
// bank_address_code, bank_branch_id). WeChat Pay serves cached snapshots:
// cache the answers and refresh them now and then. Every call is safe to
// retry.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012697541
type CapitalService struct{ service }

// Bank is a bank as the bank component lists it. BankAlias and
// BankAliasCode are for display and for Branches; applications and
// settlement changes take AccountBank (and AccountBankCode).
type Bank struct {
	BankAlias       string `json:"bank_alias"`
	BankAliasCode   string `json:"bank_alias_code"`
	AccountBank     string `json:"account_bank"`
	AccountBankCode int64  `json:"account_bank_code"`
	// NeedBankBranch: the branch must be given (look it up with Branches).
	// The doc page's example is cut before this field in our copy; the
	// name is the one integrators use.
	NeedBankBranch bool `json:"need_bank_branch"`
}

// BankSearchResult is the answer of SearchBanksByAccount: more than one
// bank means the card cannot be told apart (let the user choose); none
// means the bank is not known, not that the number is wrong.
type BankSearchResult struct {
	TotalCount int    `json:"total_count"`
	Data       []Bank `json:"data"`
}

// SearchBanksByAccount finds the bank of a personal bank card number (GET
// /v3/capital/capitallhh/banks/search-banks-by-bank-account?account_number=).
// accountNumber is plain text: it is encrypted with the WeChat Pay public
// key or platform certificate, named by Wechatpay-Serial.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012697541
func (s *CapitalService) SearchBanksByAccount(ctx context.Context, accountNumber string) (*BankSearchResult, error) {
	if err := need("accountNumber", accountNumber); err != nil {
		return nil, err
	}
	serial, err := s.c.encryptFields(ctx, &accountNumber)
	if err != nil {
		return nil, err
	}
	rq := get("/v3/capital/capitallhh/banks/search-banks-by-bank-account", query("account_number", accountNumber))
	rq.serial = serial
	return call[BankSearchResult](ctx, s.c, rq)
}

// capitalPages iterates over an offset/limit list of the bank component
// (limit is required: pageSize 0 means 100; the docs state no maximum).
func capitalPages[T any](ctx context.Context, c *Client, p string, q map[string]string, pageSize int) iter.Seq2[T, error] {
	if pageSize < 0 {
		return errSeq[T](argError("pageSize", "must not be negative"))
	}
	if pageSize == 0 {
		pageSize = 100
	}
	return pages[T](ctx, c, p, func() map[string]string { return q }, pageSize)
}

// PersonalBanks iterates over the banks that serve personal accounts (GET
// /v3/capital/capitallhh/banks/personal-banking?offset=&limit=), fetching
// pages of pageSize (0: 100) as needed.
//
// See https://pay.weixin.qq.com/docs/partner/apis/mch-bank-element/banks/list-banks-for-personal-banking.html
func (s *CapitalService) PersonalBanks(ctx context.Context, pageSize int) iter.Seq2[Bank, error] {
	return capitalPages[Bank](ctx, s.c, "/v3/capital/capitallhh/banks/personal-banking", nil, pageSize)
}

// CorporateBanks iterates over the banks that serve corporate accounts (GET
// /v3/capital/capitallhh/banks/corporate-banking?offset=&limit=), fetching
// pages of pageSize (0: 100) as needed.
//
// See https://pay.weixin.qq.com/docs/partner/apis/mch-bank-element/banks/list-banks-for-corporate-banking.html
func (s *CapitalService) CorporateBanks(ctx context.Context, pageSize int) iter.Seq2[Bank, error] {
	return capitalPages[Bank](ctx, s.c, "/v3/capital/capitallhh/banks/corporate-banking", nil, pageSize)
}

// Province is a province (mainland China only).
type Province struct {
	ProvinceName string `json:"province_name"`
	ProvinceCode int64  `json:"province_code"`
}

// City is a city of a province; CityCode filters Branches.
type City struct {
	CityName string `json:"city_name"`
	CityCode int64  `json:"city_code"`
}

// areaList is the answer of Provinces and Cities.
type areaList[T any] struct {
	Data       []T `json:"data"`
	TotalCount int `json:"total_count"`
}

// Provinces lists the provinces (GET /v3/capital/capitallhh/areas/provinces).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012698641
func (s *CapitalService) Provinces(ctx context.Context) ([]Province, error) {
	l, err := call[areaList[Province]](ctx, s.c, get("/v3/capital/capitallhh/areas/provinces", nil))
	if err != nil {
		return nil, err
	}
	return l.Data, nil
}

// Cities lists the cities of a province (GET
// /v3/capital/capitallhh/areas/provinces/{province_code}/cities).
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012697470
func (s *CapitalService) Cities(ctx context.Context, provinceCode int64) ([]City, error) {
	if provinceCode <= 0 {
		return nil, argError("provinceCode", "must be positive")
	}
	l, err := call[areaList[City]](ctx, s.c, get(pathf("/v3/capital/capitallhh/areas/provinces/{province_code}/cities", itoa(provinceCode)), nil))
	if err != nil {
		return nil, err
	}
	return l.Data, nil
}

// BankBranch is a branch of a bank (bank_name and bank_branch_id of an
// application's bank account). The doc page's item table is not in our
// copy; the names are the ones integrators use.
type BankBranch struct {
	BankBranchName string `json:"bank_branch_name"`
	BankBranchID   string `json:"bank_branch_id"`
}

// Branches iterates over the branches of a bank in a city (GET
// /v3/capital/capitallhh/banks/{bank_alias_code}/branches?city_code=&offset=&limit=),
// fetching pages of pageSize (0: 100) as needed. Only banks with
// NeedBankBranch have branches to list.
//
// See https://pay.weixin.qq.com/doc/v3/partner/4012697673
func (s *CapitalService) Branches(ctx context.Context, bankAliasCode string, cityCode int64, pageSize int) iter.Seq2[BankBranch, error] {
	if err := need("bankAliasCode", bankAliasCode); err != nil {
		return errSeq[BankBranch](err)
	}
	if cityCode <= 0 {
		return errSeq[BankBranch](argError("cityCode", "must be positive"))
	}
	return capitalPages[BankBranch](ctx, s.c, pathf("/v3/capital/capitallhh/banks/{bank_alias_code}/branches", bankAliasCode),
		map[string]string{"city_code": strconv.FormatInt(cityCode, 10)}, pageSize)
}
