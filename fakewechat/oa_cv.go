package fakewechat

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
)

// Official account image processing (/cv/img/*) and plate number OCR
// (/cv/ocr/platenum): the image comes as img_url
// (http or https, else 101000) or as the multipart file "img" (101002 when
// missing). An image URL or content holding "blank" has nothing to find
// (101001). aicrop checks ratios (at most 5 positive numbers, 40097) and
// answers one crop per ratio (one without ratios); qrcode answers the docs'
// example code; superresolution answers a media id; platenum answers
// OAPlateNumber.
func init() { builtin = append(builtin, registerOACV) }

var oaCVSize = M{"w": 1000, "h": 800}

func registerOACV(s *Server) {
	for _, p := range []string{"aicrop", "qrcode", "superresolution"} {
		s.HandleRaw("POST /cv/img/"+p, func(w http.ResponseWriter, r *Request) {
			if !oaCVImage(s, w, r) {
				return
			}
			var out M
			switch p {
			case "aicrop":
				n := 1
				if rs := r.Query.Get("ratios"); rs != "" {
					parts := strings.Split(rs, ",")
					for _, x := range parts {
						if f, err := strconv.ParseFloat(x, 64); err != nil || f <= 0 {
							n = -1
						}
					}
					if n = len(parts) * min(n, 1); n > 5 || n <= 0 {
						s.WriteError(w, r.HTTP, ErrCode(CodeInvalidArgs))
						return
					}
				}
				results := make([]M, n)
				for i := range results {
					results[i] = M{"crop_left": 112, "crop_top": 0, "crop_right": 839, "crop_bottom": 727}
				}
				out = M{"results": results, "img_size": oaCVSize}
			case "qrcode":
				out = M{"code_results": []M{{"type_name": "QR_CODE", "data": "http://www.qq.com",
					"pos": M{"left_top": M{"x": 585, "y": 378}, "right_top": M{"x": 828, "y": 378}, "right_bottom": M{"x": 828, "y": 618}, "left_bottom": M{"x": 585, "y": 618}}}},
					"img_size": oaCVSize}
			default:
				out = M{"media_id": "6WXsIXkG7lXuDLspD9xfm5dsvHzb0EFl0li6ySxi92ap8Vl3zZoD9DpOyNudeJGB"}
			}
			WriteJSON(w, http.StatusOK, OK(out))
		})
	}
	// https://developers.weixin.qq.com/doc/offiaccount/Intelligent_Interface/OCR.html
	s.HandleRaw("POST /cv/ocr/platenum", func(w http.ResponseWriter, r *Request) {
		if oaCVImage(s, w, r) {
			WriteJSON(w, http.StatusOK, OK(M{"number": OAPlateNumber}))
		}
	})
}

// OAPlateNumber is the plate number /cv/ocr/platenum finds in any image.
const OAPlateNumber = "粤A12345"

// oaCVImage reads the image of an image request (img_url or the file
// "img") and reports whether it holds something to find; it has written the
// error when not.
func oaCVImage(s *Server, w http.ResponseWriter, r *Request) bool {
	var content []byte
	if u := r.Query.Get("img_url"); u != "" {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			s.WriteError(w, r.HTTP, ErrCode(CodeMPOCRImageURL))
			return false
		}
		content = []byte(u)
	} else {
		_, data, e := mpUpload(r, "img")
		if e != nil {
			s.WriteError(w, r.HTTP, ErrCode(CodeMPOCRImageData))
			return false
		}
		content = data
	}
	if bytes.Contains(content, []byte("blank")) {
		s.WriteError(w, r.HTTP, ErrCode(CodeMPOCRNotFound))
		return false
	}
	return true
}
