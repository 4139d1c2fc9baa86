package fakewechat

import (
	"encoding/json"
	"net/http"
	"testing"
)

func TestSmoke(t *testing.T) {
	srv := NewTestServer(t)
	resp, err := srv.Client().Get(srv.URL() + "/cgi-bin/token?grant_type=client_credential&appid=" + DefaultAppID + "&secret=" + DefaultSecret)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out tokenAnswer
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.AccessToken == "" || out.ExpiresIn != 7200 || resp.StatusCode != http.StatusOK {
		t.Fatalf("token answer %+v, %v", out, err)
	}
	if srv.Count("GET /cgi-bin/token") != 1 {
		t.Fatal("count")
	}
}
