package main

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/weixin-go/wechat/callback"
	"github.com/weixin-go/wechat/callback/msgcrypt"
)

func init() {
	register("msg", "decrypt or encrypt a WeChat push message (safe mode)", runMsg)
}

const msgUsage = `usage:
  wechat msg decrypt --token T --aes-key K --appid A --timestamp TS --nonce N --msg-signature S < body
      verifies msg_signature, decrypts the POSTed body (XML or JSON envelope) and prints the message
  wechat msg encrypt --token T --aes-key K --appid A [--timestamp TS --nonce N] < message
      prints the encrypted POST body on the first line and the query string on the second
`

// maxStdin bounds what the command reads, like the handler's body limit.
const maxStdin = 16 << 20

func runMsg(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, msgUsage)
		return 2
	}
	switch args[0] {
	case "decrypt":
		return msgDecrypt(args[1:], stdin, stdout, stderr)
	case "encrypt":
		return msgEncrypt(args[1:], stdin, stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprint(stderr, msgUsage)
		return 2
	}
	fmt.Fprintf(stderr, "wechat msg: unknown subcommand %q\n%s", args[0], msgUsage)
	return 2
}

type msgFlags struct {
	fs                                             *flag.FlagSet
	token, aesKey, appID, timestamp, nonce, msgSig string
}

func newMsgFlags(name string, stderr io.Writer) *msgFlags {
	f := &msgFlags{fs: flag.NewFlagSet("wechat msg "+name, flag.ContinueOnError)}
	f.fs.SetOutput(stderr)
	f.fs.StringVar(&f.token, "token", "", "token configured on the WeChat console")
	f.fs.StringVar(&f.aesKey, "aes-key", "", "43-character EncodingAESKey")
	f.fs.StringVar(&f.appID, "appid", "", "receiver id: appid, component appid, corp id or suite id")
	f.fs.StringVar(&f.timestamp, "timestamp", "", "timestamp query parameter")
	f.fs.StringVar(&f.nonce, "nonce", "", "nonce query parameter")
	if name == "decrypt" {
		f.fs.StringVar(&f.msgSig, "msg-signature", "", "msg_signature query parameter")
	}
	return f
}

// parse parses args and builds the Crypter; it returns an exit code > 0 on
// failure.
func (f *msgFlags) parse(args []string, stderr io.Writer, required ...string) (*msgcrypt.Crypter, int) {
	if err := f.fs.Parse(args); err != nil {
		return nil, 2
	}
	if f.fs.NArg() != 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", f.fs.Name(), f.fs.Arg(0))
		return nil, 2
	}
	var missing []string
	for _, name := range required {
		if f.fs.Lookup(name).Value.String() == "" {
			missing = append(missing, "--"+name)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(stderr, "%s: missing %s\n", f.fs.Name(), strings.Join(missing, ", "))
		return nil, 2
	}
	c, err := msgcrypt.New(f.token, f.aesKey, f.appID)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", f.fs.Name(), err)
		return nil, 2
	}
	return c, 0
}

func readStdin(stdin io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(stdin, maxStdin+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxStdin {
		return nil, errors.New("input larger than 16 MiB")
	}
	return b, nil
}

func msgDecrypt(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f := newMsgFlags("decrypt", stderr)
	c, code := f.parse(args, stderr, "token", "aes-key", "appid", "timestamp", "nonce", "msg-signature")
	if code != 0 {
		return code
	}
	body, err := readStdin(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "wechat msg decrypt: reading stdin: %v\n", err)
		return 1
	}
	enc, err := callback.ParseEnvelope(body)
	if err != nil {
		fmt.Fprintf(stderr, "wechat msg decrypt: %v\n", err)
		return 1
	}
	if !msgcrypt.VerifyMsgSignature(f.token, f.timestamp, f.nonce, []byte(enc), f.msgSig) {
		fmt.Fprintln(stderr, "wechat msg decrypt: msg_signature does not match (wrong token, timestamp, nonce or body)")
		return 1
	}
	msg, err := c.Decrypt(enc)
	if err != nil {
		fmt.Fprintf(stderr, "wechat msg decrypt: %v\n", err)
		return 1
	}
	_, _ = stdout.Write(msg)
	if len(msg) == 0 || msg[len(msg)-1] != '\n' {
		_, _ = io.WriteString(stdout, "\n")
	}
	return 0
}

func msgEncrypt(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f := newMsgFlags("encrypt", stderr)
	c, code := f.parse(args, stderr, "token", "aes-key", "appid")
	if code != 0 {
		return code
	}
	if f.timestamp == "" {
		f.timestamp = strconv.FormatInt(time.Now().Unix(), 10)
	} else if _, err := strconv.ParseInt(f.timestamp, 10, 64); err != nil {
		fmt.Fprintln(stderr, "wechat msg encrypt: --timestamp must be unix seconds")
		return 2
	}
	if f.nonce == "" {
		n, err := rand.Int(rand.Reader, big.NewInt(1e10))
		if err != nil {
			fmt.Fprintf(stderr, "wechat msg encrypt: %v\n", err)
			return 1
		}
		f.nonce = n.String()
	}
	plain, err := readStdin(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "wechat msg encrypt: reading stdin: %v\n", err)
		return 1
	}
	plain = []byte(strings.TrimSpace(string(plain)))
	isJSON := len(plain) > 0 && plain[0] == '{'
	var m *callback.Message
	if isJSON {
		m, err = callback.ParseJSON(plain)
	} else {
		m, err = callback.ParseXML(plain)
	}
	if err != nil {
		fmt.Fprintf(stderr, "wechat msg encrypt: input is not a WeChat message: %v\n", err)
		return 1
	}
	enc, err := c.Encrypt(plain)
	if err != nil {
		fmt.Fprintf(stderr, "wechat msg encrypt: %v\n", err)
		return 1
	}
	if isJSON {
		to, _ := json.Marshal(m.ToUserName)
		e, _ := json.Marshal(enc)
		fmt.Fprintf(stdout, "{\"ToUserName\":%s,\"Encrypt\":%s}\n", to, e)
	} else {
		fmt.Fprintf(stdout, "<xml><ToUserName><![CDATA[%s]]></ToUserName><Encrypt><![CDATA[%s]]></Encrypt></xml>\n",
			strings.ReplaceAll(m.ToUserName, "]]>", ""), enc)
	}
	// Build the query by hand to keep WeChat's parameter order.
	q := "signature=" + msgcrypt.Signature(f.token, f.timestamp, f.nonce) +
		"&timestamp=" + f.timestamp +
		"&nonce=" + url.QueryEscape(f.nonce) +
		"&encrypt_type=aes" +
		"&msg_signature=" + msgcrypt.MsgSignature(f.token, f.timestamp, f.nonce, enc)
	fmt.Fprintln(stdout, q)
	return 0
}
