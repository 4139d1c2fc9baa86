package fakewechat_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/weixin-go/wechat/fakewechat"
)

func Example() {
	srv := fakewechat.New()
	base, err := srv.Start()
	if err != nil {
		panic(err)
	}
	defer srv.Close()

	// The next menu/create answers "system error" once.
	srv.Inject(fakewechat.Fault{Path: "POST /cgi-bin/menu/create", Errcode: -1, Times: 1}) //nolint:errcheck

	resp, err := http.Get(base + "/cgi-bin/token?grant_type=client_credential&appid=" +
		fakewechat.DefaultAppID + "&secret=" + fakewechat.DefaultSecret)
	if err != nil {
		panic(err)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}
	json.NewDecoder(resp.Body).Decode(&tok) //nolint:errcheck
	resp.Body.Close()

	srv.Advance(2 * time.Hour) // the token is now expired: API calls answer 42001
	fmt.Println(tok.ExpiresIn, srv.Count("GET /cgi-bin/token"))
	// Output: 7200 1
}
