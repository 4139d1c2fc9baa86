package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/callback"
	"github.com/weixin-go/wechat/callback/msgcrypt"
)

const (
	msgToken = "AAAAA"
	msgKey   = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	msgAppID = "wxba5fad812f8e6fb9"
	// The official safe-mode example of the mini program message push guide.
	officialBody = `{"ToUserName":"gh_97417a04a28d","Encrypt":"+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04="}`
	officialMsg  = `{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}`
)

func runMsgCLI(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func decryptArgs(ts, nonce, sig string) []string {
	return []string{"msg", "decrypt", "--token", msgToken, "--aes-key", msgKey, "--appid", msgAppID,
		"--timestamp", ts, "--nonce", nonce, "--msg-signature", sig}
}

func TestMsgDecryptOfficialVector(t *testing.T) {
	code, out, errs := runMsgCLI(officialBody, decryptArgs("1714112445", "415670741", "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3")...)
	if code != 0 || strings.TrimSpace(out) != officialMsg {
		t.Fatalf("code %d\nout %s\nerr %s", code, out, errs)
	}
}

func TestMsgDecryptFailures(t *testing.T) {
	for name, tc := range map[string]struct {
		stdin   string
		args    []string
		code    int
		message string
	}{
		"bad signature":  {officialBody, decryptArgs("1714112445", "415670741", strings.Repeat("0", 40)), 1, "msg_signature does not match"},
		"wrong nonce":    {officialBody, decryptArgs("1714112445", "1", "046e02f8204d34f8ba5fa3b1db94908f3df2e9b3"), 1, "msg_signature does not match"},
		"not a body":     {"hello", decryptArgs("1", "2", "3"), 1, "malformed"},
		"no Encrypt":     {"<xml><A>1</A></xml>", decryptArgs("1", "2", "3"), 1, "no Encrypt"},
		"missing flags":  {officialBody, []string{"msg", "decrypt", "--token", "x"}, 2, "missing --aes-key"},
		"bad key":        {officialBody, []string{"msg", "decrypt", "--token", "t", "--aes-key", "topsecretkey", "--appid", "a", "--timestamp", "1", "--nonce", "2", "--msg-signature", "3"}, 2, "invalid EncodingAESKey"},
		"no subcommand":  {"", []string{"msg"}, 2, "usage"},
		"bad subcommand": {"", []string{"msg", "rot13"}, 2, "unknown subcommand"},
	} {
		code, out, errs := runMsgCLI(tc.stdin, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.message) || out != "" {
			t.Errorf("%s: code %d, stdout %q, stderr %q", name, code, out, errs)
		}
		if strings.Contains(errs, "topsecretkey") {
			t.Errorf("%s: stderr echoes the key", name)
		}
	}
	// Tampered ciphertext with a matching signature: decryption must fail.
	code, body, _ := runMsgCLI(`<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Content>x</Content></xml>`,
		"msg", "encrypt", "--token", msgToken, "--aes-key", msgKey, "--appid", "wxother", "--timestamp", "1714112445", "--nonce", "7")
	if code != 0 {
		t.Fatal("encrypt failed")
	}
	lines := strings.Split(strings.TrimSpace(body), "\n")
	sig := queryParam(lines[1], "msg_signature")
	code, _, errs := runMsgCLI(lines[0], decryptArgs("1714112445", "7", sig)...)
	if code != 1 || !strings.Contains(errs, `the receiver id does not match: the message is for "wxother" but --appid is "`+msgAppID+`"`) {
		t.Fatalf("wrong appid: code %d, %s", code, errs)
	}
	// A ciphertext changed after encryption, signed again so that only
	// decryption can notice: exit 1 with a msgcrypt error, nothing on stdout.
	_, body, _ = runMsgCLI(`<xml><ToUserName><![CDATA[gh_x]]></ToUserName><Content>secret</Content></xml>`,
		"msg", "encrypt", "--token", msgToken, "--aes-key", msgKey, "--appid", msgAppID, "--timestamp", "1714112445", "--nonce", "7")
	enc, err := callback.ParseEnvelope([]byte(strings.Split(body, "\n")[0]))
	if err != nil {
		t.Fatal(err)
	}
	b := []byte(enc)
	b[len(b)-5] = map[bool]byte{true: 'B', false: 'A'}[b[len(b)-5] == 'A'] // last block: the padding changes
	tampered := "<xml><Encrypt><![CDATA[" + string(b) + "]]></Encrypt></xml>"
	code, out, errs := runMsgCLI(tampered, decryptArgs("1714112445", "7", msgcrypt.MsgSignature(msgToken, "1714112445", "7", string(b)))...)
	if code != 1 || out != "" || !strings.Contains(errs, "msgcrypt:") || strings.Contains(errs, "secret") {
		t.Fatalf("tampered ciphertext: code %d, stdout %q, stderr %q", code, out, errs)
	}
}

func queryParam(q, name string) string {
	for _, kv := range strings.Split(q, "&") {
		if k, v, _ := strings.Cut(kv, "="); k == name {
			return v
		}
	}
	return ""
}

// TestMsgEncryptFeedsHandler encrypts with the CLI, posts the result to the
// callback handler, and decrypts the handler's reply with the CLI.
func TestMsgEncryptFeedsHandler(t *testing.T) {
	const plain = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[ping]]></Content><MsgId>1</MsgId></xml>`
	code, out, errs := runMsgCLI(plain+"\n", "msg", "encrypt", "--token", msgToken, "--aes-key", msgKey, "--appid", msgAppID)
	if code != 0 {
		t.Fatalf("encrypt: %d %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "encrypt_type=aes") || queryParam(lines[1], "signature") == "" {
		t.Fatalf("output %q", out)
	}
	mux := callback.NewMux()
	mux.HandleText(func(_ context.Context, m *callback.Message) (callback.Reply, error) {
		return callback.Text("pong:" + m.Content), nil
	})
	srv, err := callback.NewServer(callback.Config{Token: msgToken, EncodingAESKey: msgKey, AppID: msgAppID, Handler: mux})
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	srv.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/wx?"+lines[1], strings.NewReader(lines[0])))
	if w.Code != 200 {
		t.Fatalf("handler: %d %s", w.Code, w.Body)
	}
	env, err := callback.ParseXML(w.Body.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	code, reply, errs := runMsgCLI(w.Body.String(), decryptArgs(env.Get("TimeStamp"), env.Get("Nonce"), env.Get("MsgSignature"))...)
	if code != 0 || !strings.Contains(reply, "<Content><![CDATA[pong:ping]]></Content>") {
		t.Fatalf("decrypt reply: %d %s %s", code, reply, errs)
	}
	// JSON messages get a JSON envelope.
	code, out, _ = runMsgCLI(`{"ToUserName":"gh_x","MsgType":"event","Event":"debug_demo"}`, "msg", "encrypt", "--token", msgToken, "--aes-key", msgKey, "--appid", msgAppID, "--nonce", "1", "--timestamp", "1714112445")
	if code != 0 || !strings.HasPrefix(out, `{"ToUserName":"gh_x","Encrypt":"`) {
		t.Fatalf("json: %s", out)
	}
	if code, _, errs := runMsgCLI("not xml", "msg", "encrypt", "--token", msgToken, "--aes-key", msgKey, "--appid", msgAppID); code != 1 || !strings.Contains(errs, "not a WeChat message") {
		t.Fatalf("bad input: %d %s", code, errs)
	}
	if code, _, _ := runMsgCLI(plain, "msg", "encrypt", "--token", msgToken, "--aes-key", msgKey, "--appid", msgAppID, "--timestamp", "yesterday"); code != 2 {
		t.Fatal("bad timestamp accepted")
	}
}
