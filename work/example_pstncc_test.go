package work_test

import (
	"context"
	"fmt"
	"log"
)

func ExamplePstnccService_Call() {
	srv, bot := exampleAgentB()
	defer srv.Close()
	ctx := context.Background()
	calls, err := bot.Pstncc.Call(ctx, "zhangsan")
	if err != nil {
		log.Fatal(err)
	}
	st, err := bot.Pstncc.State(ctx, "zhangsan", calls[0].CallID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("answered:", st.IsTalked == 1)
	// Output: answered: true
}
