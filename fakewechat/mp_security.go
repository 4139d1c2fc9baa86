package fakewechat

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Mini program content security (内容安全): msg_sec_check (version 2)
// flags texts holding a word of MPRiskyWords as risky (label 20001) and
// answers pass otherwise; img_sec_check answers 87014 for an image holding
// the bytes "RISKY"; media_check_async answers a trace id and remembers the
// job (MPMediaChecks).
func init() {
	stdMessages[CodeMPRiskyContent] = "risky content"
	builtin = append(builtin, registerMPSecurity)
}

// CodeMPRiskyContent is the errcode of a risky image (and of version 1 checks).
const CodeMPRiskyContent = 87014

// MPRiskyWords are the words the fake's text check flags.
var MPRiskyWords = []string{"赌博", "gambling", "特3456书yuuo莞6543李zxcz蒜7782法fgnv级"}

// MPMediaCheck is a media_check_async job the fake accepted.
type MPMediaCheck struct {
	TraceID, MediaURL, OpenID string
	MediaType, Scene          int
}

// mpUpload reads the file part named field of a multipart request.
func mpUpload(r *Request, field string) (filename string, data []byte, e *Error) {
	mt, params, err := mime.ParseMediaType(r.HTTP.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return "", nil, ErrCode(CodeMediaDataMissing)
	}
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return "", nil, ErrCode(CodeMediaDataMissing)
		}
		if err != nil {
			return "", nil, ErrCode(CodeDataFormat)
		}
		if p.FormName() != field || p.FileName() == "" {
			continue
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return "", nil, ErrCode(CodeDataFormat)
		}
		if len(data) == 0 {
			return "", nil, ErrCode(CodeMediaDataMissing)
		}
		return p.FileName(), data, nil
	}
}

type mpMediaChecks struct{ list []MPMediaCheck }

// MPMediaChecks returns the media checks submitted by appid, oldest first.
func (s *Server) MPMediaChecks(appid string) []MPMediaCheck {
	var out []MPMediaCheck
	s.State(appid).Do(func(m map[string]any) {
		if mc, ok := m["mp.mediachecks"].(*mpMediaChecks); ok {
			out = append(out, mc.list...)
		}
	})
	return out
}

func registerMPSecurity(s *Server) {
	s.HandleJSON("POST /wxa/msg_sec_check", func(r *Request) (any, error) {
		var in struct {
			Content string `json:"content"`
			Version int    `json:"version"`
			Scene   int    `json:"scene"`
			OpenID  string `json:"openid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		risky := ""
		for _, w := range MPRiskyWords {
			if strings.Contains(in.Content, w) {
				risky = w
			}
		}
		if in.Version != 2 {
			// Version 1: the verdict is the errcode.
			if risky != "" {
				return nil, ErrCode(CodeMPRiskyContent)
			}
			return nil, nil
		}
		switch {
		case in.OpenID == "" || in.Scene < 1 || in.Scene > 4:
			return nil, ErrCode(CodeInvalidArgs)
		case utf8.RuneCountInString(in.Content) > 2500:
			return nil, Errorf(CodeInvalidArgs, "invalid args: content too long")
		}
		trace := rid(r.Now())
		if risky != "" {
			return OK(M{"trace_id": trace, "result": M{"suggest": "risky", "label": 20001},
				"detail": []M{{"strategy": "keyword", "errcode": 0, "suggest": "risky", "label": 20001, "keyword": risky, "level": 90}}}), nil
		}
		return OK(M{"trace_id": trace, "result": M{"suggest": "pass", "label": 100},
			"detail": []M{{"strategy": "content_model", "errcode": 0, "suggest": "pass", "label": 100, "prob": 90}}}), nil
	})
	s.HandleRaw("POST /wxa/img_sec_check", func(w http.ResponseWriter, r *Request) {
		_, data, e := mpUpload(r, "media")
		switch {
		case e != nil:
			s.WriteError(w, r.HTTP, e)
		case len(data) > 1<<20:
			s.WriteError(w, r.HTTP, ErrCode(CodeInvalidImageSize))
		case bytes.Contains(data, []byte("RISKY")):
			s.WriteError(w, r.HTTP, ErrCode(CodeMPRiskyContent))
		default:
			WriteJSON(w, http.StatusOK, OK(nil))
		}
	})
	s.HandleJSON("POST /wxa/media_check_async", func(r *Request) (any, error) {
		var in struct {
			MediaURL  string `json:"media_url"`
			MediaType int    `json:"media_type"`
			Version   int    `json:"version"`
			Scene     int    `json:"scene"`
			OpenID    string `json:"openid"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(in.MediaURL, "http") || (in.MediaType != 1 && in.MediaType != 2) ||
			(in.Version == 2 && (in.OpenID == "" || in.Scene < 1 || in.Scene > 4)) {
			return nil, ErrCode(CodeInvalidArgs)
		}
		job := MPMediaCheck{TraceID: rid(r.Now()), MediaURL: in.MediaURL, OpenID: in.OpenID, MediaType: in.MediaType, Scene: in.Scene}
		r.State().Do(func(m map[string]any) {
			mc, ok := m["mp.mediachecks"].(*mpMediaChecks)
			if !ok {
				mc = &mpMediaChecks{}
				m["mp.mediachecks"] = mc
			}
			mc.list = append(mc.list, job)
		})
		return OK(M{"trace_id": job.TraceID}), nil
	})
}
