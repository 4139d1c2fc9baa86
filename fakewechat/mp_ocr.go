package fakewechat

import (
	"bytes"
	"net/http"
	"strings"
)

// Mini program OCR (/cv/ocr/*): the image comes as img_url (http or https)
// or as the multipart file "img". An image URL or content holding "blank"
// has nothing to recognize (101001), an unreachable URL (not http) answers
// 101000; otherwise each endpoint answers a fixed, plausible document.
// idcard recognizes the back side when the image holds "back", and idcard
// and driving check the type parameter (photo or scan).
func init() {
	stdMessages[CodeMPOCRImageURL] = "image url error or fetch image failed"
	stdMessages[CodeMPOCRNotFound] = "no document found in image"
	stdMessages[CodeMPOCRImageData] = "invalid image data"
	builtin = append(builtin, registerMPOCR)
}

// Errcodes of the OCR endpoints.
const (
	CodeMPOCRImageURL  = 101000
	CodeMPOCRNotFound  = 101001
	CodeMPOCRImageData = 101002
)

var mpPos = M{"left_top": M{"x": 10, "y": 12}, "right_top": M{"x": 610, "y": 12}, "right_bottom": M{"x": 610, "y": 390}, "left_bottom": M{"x": 10, "y": 390}}

func mpOCRAnswers(path string, back bool) M {
	switch path {
	case "bankcard":
		return M{"number": "6222000011112222333"}
	case "bizlicense":
		return M{"reg_num": "91440300MA5FXXXX1X", "serial": "S0001", "legal_representative": "张三", "enterprise_name": "深圳市某某科技有限公司",
			"type_of_organization": "有限责任公司", "address": "深圳市南山区", "type_of_enterprise": "有限责任公司", "business_scope": "软件开发",
			"registered_capital": "壹佰万元整", "paid_in_capital": "", "valid_period": "长期", "registered_date": "2019年01月01日",
			"cert_position": M{"pos": mpPos}, "img_size": M{"w": 620, "h": 400}}
	case "drivinglicense":
		return M{"id_num": "440300199001011234", "name": "张三", "sex": "男", "nationality": "中国", "address": "广东省深圳市",
			"birth_date": "1990-01-01", "issue_date": "2015-01-01", "car_class": "C1", "valid_from": "2015-01-01", "valid_to": "2025-01-01",
			"official_seal": "广东省深圳市公安局交通警察支队"}
	case "idcard":
		if back {
			return M{"type": "Back", "valid_date": "20150101-20350101"}
		}
		return M{"type": "Front", "name": "张三", "id": "440300199001011234", "addr": "广东省深圳市南山区", "gender": "男", "nationality": "汉"}
	case "comm":
		return M{"items": []M{{"text": "腾讯", "pos": mpPos}, {"text": "微信", "pos": mpPos}}, "img_size": M{"w": 620, "h": 400}}
	default: // driving
		return M{"vehicle_type": "小型普通客车", "owner": "张三", "addr": "广东省深圳市", "use_character": "非营运", "model": "大众牌FV7152",
			"vin": "LFV2A21K0XXXXXXXX", "engine_num": "123456", "register_date": "2018-07-06", "issue_date": "2018-07-06",
			"plate_num": "粤B12345", "plate_num_b": "粤B12345", "record": "", "passengers_num": "5人", "total_quality": "1590kg",
			"prepare_quality": "1200kg", "overall_size": "4597×1765×1500mm"}
	}
}

func registerMPOCR(s *Server) {
	for _, p := range []string{"bankcard", "bizlicense", "drivinglicense", "idcard", "comm", "driving"} {
		s.HandleRaw("POST /cv/ocr/"+p, func(w http.ResponseWriter, r *Request) {
			var content []byte
			if u := r.Query.Get("img_url"); u != "" {
				if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
					s.WriteError(w, r.HTTP, ErrCode(CodeMPOCRImageURL))
					return
				}
				content = []byte(u)
			} else {
				_, data, e := mpUpload(r, "img")
				if e != nil {
					s.WriteError(w, r.HTTP, ErrCode(CodeMPOCRImageData))
					return
				}
				content = data
			}
			if t := r.Query.Get("type"); (p == "idcard" || p == "driving") && t != "" && t != "photo" && t != "scan" {
				s.WriteError(w, r.HTTP, Errorf(CodeInvalidArgs, "invalid args: type"))
				return
			}
			if bytes.Contains(content, []byte("blank")) {
				s.WriteError(w, r.HTTP, ErrCode(CodeMPOCRNotFound))
				return
			}
			WriteJSON(w, http.StatusOK, OK(mpOCRAnswers(p, bytes.Contains(content, []byte("back")))))
		})
	}
}
