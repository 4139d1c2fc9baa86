package oa_test

import (
	"context"
	"fmt"
	"log"

	"github.com/weixin-go/wechat/oa"
)

func ExampleMenuService_Create() {
	srv, c := exampleClientA()
	defer srv.Close()
	ctx := context.Background()
	err := c.Menu.Create(ctx, &oa.Menu{Button: []oa.Button{
		{Type: oa.ButtonClick, Name: "Today", Key: "TODAY"},
		{Name: "More", SubButton: []oa.Button{{Type: oa.ButtonView, Name: "Site", URL: "https://example.com/"}}},
	}})
	if err != nil {
		log.Fatal(err)
	}
	cur, err := c.Menu.Current(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range cur.SelfMenuInfo.Button {
		fmt.Println(b.Name, b.Type, b.SubButton != nil)
	}
	// Output:
	// Today click false
	// More  true
}
