package pay_test

import (
	"context"
	"fmt"
	"log"
)

// Fill the bank account of an onboarding application: find the bank of a
// card, then, for a bank that needs its branch, the province, city and
// branch.
func ExampleCapitalService_SearchBanksByAccount() {
	srv, c := ecomExampleClient() // a fake WeChat Pay and a client for it
	defer srv.Close()
	ctx := context.Background()

	res, err := c.Capital.SearchBanksByAccount(ctx, "6232290000001234") // plain text: encrypted by the call
	if err != nil {
		log.Fatal(err)
	}
	bank := res.Data[0]
	fmt.Println(bank.BankAlias, bank.AccountBank, bank.NeedBankBranch)

	provinces, err := c.Capital.Provinces(ctx)
	if err != nil {
		log.Fatal(err)
	}
	cities, err := c.Capital.Cities(ctx, provinces[1].ProvinceCode)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(provinces[1].ProvinceName, cities[0].CityName)
	for b, err := range c.Capital.Branches(ctx, bank.BankAliasCode, cities[0].CityCode, 0) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(b.BankBranchName, b.BankBranchID)
	}
	// Output:
	// 浙江网商银行 其他银行 true
	// 浙江省 杭州市
	// 浙江网商银行股份有限公司 323331000001
}
