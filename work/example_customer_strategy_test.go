package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/work"
)

func ExampleCustomerStrategyService_Create() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	ctx := context.Background()
	id, err := bot.CustomerStrategy.Create(ctx, &work.Strategy[work.CustomerPrivilege]{
		StrategyName: "Sales", AdminList: []string{"zhangsan"},
		Privilege: &work.CustomerPrivilege{ViewCustomerList: true, SendGroupMsg: true},
		Range:     []work.StrategyRange{{Type: 1, UserID: "lisi"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	st, err := bot.CustomerStrategy.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.StrategyName, st.Privilege.SendGroupMsg)
	// Output: Sales true
}
