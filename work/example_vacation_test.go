package work_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

func ExampleVacationService_SetUserQuota() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	srv.SetWeComVacationConfigs(fakewechat.DefaultCorpID, map[int]string{1: "Annual leave"})
	ctx := context.Background()
	if err := bot.Vacation.SetUserQuota(ctx, &work.QuotaChange{UserID: "zhangsan", VacationID: 1, LeftDuration: 5 * 86400}); err != nil {
		log.Fatal(err)
	}
	q, err := bot.Vacation.UserQuota(ctx, "zhangsan")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(q[0].VacationName, q[0].LeftDuration/86400, "days")
	// Output: Annual leave 5 days
}
