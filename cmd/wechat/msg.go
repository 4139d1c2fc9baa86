package main

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/url"
	"regexp"
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

--token and --aes-key default to $WECHAT_CALLBACK_TOKEN and $WECHAT_AES_KEY (better than the
command line, which other users of the machine can see); their values are never printed.
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
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, msgUsage)
		return 0
	}
	fmt.Fprintf(stderr, "wechat msg: unknown subcommand %q\n%s", args[0], msgUsage)
	return 2
}

type msgFlags struct {
	fs                                             *cmdFlags
	token, aesKey, appID, timestamp, nonce, msgSig string
}

var msgSynopsis = map[string][2]string{
	"decrypt": {"msg decrypt --token T --aes-key K --appid A --timestamp TS --nonce N --msg-signature S < body",
		"Verifies msg_signature, decrypts the POSTed body read from stdin (XML or JSON envelope)\nand prints the message. The query parameters of the push give --timestamp, --nonce\nand --msg-signature."},
	"encrypt": {"msg encrypt --token T --aes-key K --appid A [--timestamp TS --nonce N] < message",
		"Encrypts the message read from stdin as WeChat pushes it: prints the POST body on the\nfirst line and the query string on the second."},
}

func newMsgFlags(name string, stdout, stderr io.Writer) *msgFlags {
	f := &msgFlags{fs: newFlags(msgSynopsis[name][0], msgSynopsis[name][1], stdout, stderr)}
	secretVar(f.fs.FlagSet, &f.token, "token", "WECHAT_CALLBACK_TOKEN", "`token` configured on the WeChat console")
	secretVar(f.fs.FlagSet, &f.aesKey, "aes-key", "WECHAT_AES_KEY", "43-character `EncodingAESKey`")
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
// parse parses args and builds the Crypter; it returns ok false and the
// exit code when the command must stop (0 after --help).
func (f *msgFlags) parse(args []string, stderr io.Writer, required ...string) (*msgcrypt.Crypter, int, bool) {
	pos, code, ok := f.fs.parse(args)
	if !ok {
		return nil, code, false
	}
	if len(pos) != 0 {
		return nil, f.fs.usageError("unexpected argument %q", pos[0]), false
	}
	values := map[string]string{"token": f.token, "aes-key": f.aesKey, "appid": f.appID,
		"timestamp": f.timestamp, "nonce": f.nonce, "msg-signature": f.msgSig}
	var missing []string
	for _, name := range required {
		if values[name] == "" {
			missing = append(missing, "--"+name)
		}
	}
	if len(missing) > 0 {
		return nil, f.fs.usageError("missing %s", strings.Join(missing, ", ")), false
	}
	c, err := msgcrypt.New(f.token, f.aesKey, f.appID)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", f.fs.Name(), redact(errText(err), f.aesKey, f.token))
		return nil, 2, false
	}
	return c, 0, true
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
	f := newMsgFlags("decrypt", stdout, stderr)
	c, code, ok := f.parse(args, stderr, "token", "aes-key", "appid", "timestamp", "nonce", "msg-signature")
	if !ok {
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
		fmt.Fprintln(stderr, "wechat msg decrypt:", decryptAdvice(c, enc, err))
		return 1
	}
	_, _ = stdout.Write(msg)
	if len(msg) == 0 || msg[len(msg)-1] != '\n' {
		_, _ = io.WriteString(stdout, "\n")
	}
	return 0
}

var printableID = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

// decryptAdvice explains a decryption failure after a valid msg_signature:
// the EncodingAESKey or the receiver id does not match. Ids are shown (they
// are not secrets); the key never is.
func decryptAdvice(c *msgcrypt.Crypter, enc string, err error) string {
	_, id, anyErr := c.DecryptAny(enc)
	switch {
	case anyErr == nil && printableID.MatchString(id):
		return fmt.Sprintf("the receiver id does not match: the message is for %q but --appid is %q; pass --appid %s (the appid, component appid, corp id or suite id the push was sent to)", id, c.ReceiverID(), id)
	case errors.Is(err, msgcrypt.ErrBase64) || errors.Is(err, msgcrypt.ErrBlockSize):
		return fmt.Sprintf("the Encrypt field is not a WeChat ciphertext (%s)", errText(err))
	}
	return fmt.Sprintf("the EncodingAESKey (--aes-key) or the receiver id does not match this message (%s): check --aes-key against the console's EncodingAESKey for receiver id %q, or the body was altered", errText(err), c.ReceiverID())
}

func msgEncrypt(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	f := newMsgFlags("encrypt", stdout, stderr)
	c, code, ok := f.parse(args, stderr, "token", "aes-key", "appid")
	if !ok {
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
