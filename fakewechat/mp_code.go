package fakewechat

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Mini program codes (小程序码): the three code endpoints answer a real PNG
// of the asked width (430 by default) and validate path, scene, page and
// width like WeChat; getwxacode and createwxaqrcode count toward the
// 100,000 limited codes (MPSetCodeQuota lowers it). MPCodes lists what was
// generated.
func init() {
	for code, msg := range map[int]string{
		CodeMPInvalidPath: "invalid path", CodeMPInvalidPage: "invalid page hint: [page not exist]",
		CodeMPInvalidScene: "invalid scene", CodeMPCodeLimit: "reach max limit of wxacode",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerMPCode)
}

// Errcodes of the code endpoints.
const (
	CodeMPInvalidPath  = 40159
	CodeMPInvalidPage  = 41030
	CodeMPInvalidScene = 40169
	CodeMPCodeLimit    = 45029
)

// MPCode is a code the fake generated.
type MPCode struct {
	Kind  string // "qrcode", "wxacode" or "unlimited"
	Path  string // path, or page of an unlimited code
	Scene string
	Width int
}

type mpCodes struct {
	mu    sync.Mutex
	list  []MPCode
	quota int
	pages map[string]bool // published pages; nil: every page exists
}

func (s *Server) mpCodes(appid string) *mpCodes {
	return Value(s.State(appid), "mp.codes", func() *mpCodes { return &mpCodes{quota: 100000} })
}

// MPSetCodeQuota sets how many limited codes (getwxacode, createwxaqrcode)
// the app may still create.
func (s *Server) MPSetCodeQuota(appid string, n int) {
	c := s.mpCodes(appid)
	c.mu.Lock()
	c.quota = n
	c.mu.Unlock()
}

// MPSetPages declares the published pages of the app (such as
// "pages/index/index"): getwxacodeunlimit with check_path answers 41030 for
// any other page. Without it every page exists.
func (s *Server) MPSetPages(appid string, pages ...string) {
	c := s.mpCodes(appid)
	c.mu.Lock()
	c.pages = map[string]bool{}
	for _, p := range pages {
		c.pages[p] = true
	}
	c.mu.Unlock()
}

// MPCodes returns the codes generated for appid, oldest first.
func (s *Server) MPCodes(appid string) []MPCode {
	c := s.mpCodes(appid)
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]MPCode(nil), c.list...)
}

// mpPNG draws a width x width PNG: a dark square pattern on a transparent
// or white background.
func mpPNG(width int, hyaline bool, seed string) []byte {
	img := image.NewPaletted(image.Rect(0, 0, width, width), color.Palette{color.White, color.Black, color.Transparent})
	bg := uint8(0)
	if hyaline {
		bg = 2
	}
	cell := max(width/21, 1)
	h := uint32(2166136261)
	for i := 0; i < len(seed); i++ {
		h = (h ^ uint32(seed[i])) * 16777619
	}
	for y := 0; y < width; y++ {
		for x := 0; x < width; x++ {
			cx, cy := uint32(x/cell), uint32(y/cell)
			v := bg
			if ((cx*31+cy*17)^h)&3 == 0 {
				v = 1
			}
			img.Pix[y*img.Stride+x] = v
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img) //nolint:errcheck // bytes.Buffer
	return b.Bytes()
}

type mpCodeReq struct {
	Path      string          `json:"path"`
	Scene     *string         `json:"scene"`
	Page      string          `json:"page"`
	CheckPath *bool           `json:"check_path"`
	Width     json.RawMessage `json:"width"`
	IsHyaline bool            `json:"is_hyaline"`
	Env       string          `json:"env_version"`
}

func registerMPCode(s *Server) {
	serve := func(kind string) RawHandler {
		return func(w http.ResponseWriter, r *Request) {
			var in mpCodeReq
			if err := r.Decode(&in); err != nil {
				s.WriteError(w, r.HTTP, err.(*Error))
				return
			}
			width := 430
			if len(in.Width) > 0 {
				n, err := strconv.Atoi(strings.Trim(string(in.Width), `"`))
				if err != nil {
					s.WriteError(w, r.HTTP, ErrCode(CodeInvalidArgs))
					return
				}
				// WeChat clamps the width to its range.
				width = min(max(n, 280), 1280)
			}
			if in.Env != "" && in.Env != "release" && in.Env != "trial" && in.Env != "develop" {
				s.WriteError(w, r.HTTP, Errorf(CodeInvalidArgs, "invalid env_version"))
				return
			}
			c := s.mpCodes(r.AppID)
			c.mu.Lock()
			defer c.mu.Unlock()
			code := MPCode{Kind: kind, Width: width, Path: in.Path}
			switch kind {
			case "unlimited":
				if in.Scene == nil || *in.Scene == "" || len(*in.Scene) > 32 {
					s.WriteError(w, r.HTTP, ErrCode(CodeMPInvalidScene))
					return
				}
				code.Scene, code.Path = *in.Scene, in.Page
				checked := in.CheckPath == nil || *in.CheckPath
				if strings.HasPrefix(in.Page, "/") || (checked && in.Page != "" && c.pages != nil && !c.pages[in.Page]) {
					s.WriteError(w, r.HTTP, ErrCode(CodeMPInvalidPage))
					return
				}
			default:
				limit := 1024
				if kind == "qrcode" {
					limit = 128
				}
				if in.Path == "" || len(in.Path) > limit {
					s.WriteError(w, r.HTTP, ErrCode(CodeMPInvalidPath))
					return
				}
				if c.quota <= 0 {
					s.WriteError(w, r.HTTP, ErrCode(CodeMPCodeLimit))
					return
				}
				c.quota--
			}
			c.list = append(c.list, code)
			img := mpPNG(width, in.IsHyaline, code.Path+"\x00"+code.Scene)
			w.Header().Set("Content-Type", "image/png")
			w.Header().Set("Content-Length", strconv.Itoa(len(img)))
			w.WriteHeader(http.StatusOK)
			w.Write(img) //nolint:errcheck // client gone
		}
	}
	s.HandleRaw("POST /cgi-bin/wxaapp/createwxaqrcode", serve("qrcode"))
	s.HandleRaw("POST /wxa/getwxacode", serve("wxacode"))
	s.HandleRaw("POST /wxa/getwxacodeunlimit", serve("unlimited"))
}
