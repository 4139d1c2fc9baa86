package fakewechat

import "fmt"

// Service market (服务市场, /wxa/servicemarket): invokeService needs
// service, api, client_msg_id (non-empty strings) and a data object or
// non-empty string (40097 otherwise). A synchronous call answers data, the
// provider's answer as a JSON text shaped like the docs' OCR example; a
// call with async true answers a request_id derived from client_msg_id.
func init() {
	builtin = append(builtin, registerMPServiceMarket)
}

// MPServiceMarketAnswer is the data every synchronous invokeService answers.
const MPServiceMarketAnswer = `{"idcard_res":{"type":0,"name":{"text":"abc","pos":{"left_top":{"x":1,"y":2}}}},"image_width":480,"image_height":304}`

func registerMPServiceMarket(s *Server) {
	s.HandleJSON("POST /wxa/servicemarket", func(r *Request) (any, error) {
		in, err := r.JSON()
		if err != nil {
			return nil, err
		}
		for _, k := range []string{"service", "api", "client_msg_id"} {
			if v, _ := in[k].(string); v == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: %s", k)
			}
		}
		switch d := in["data"].(type) {
		case map[string]any:
		case string:
			if d == "" {
				return nil, Errorf(CodeInvalidArgs, "invalid args: data")
			}
		default:
			return nil, Errorf(CodeInvalidArgs, "invalid args: data")
		}
		if async, _ := in["async"].(bool); async {
			return OK(M{"request_id": fmt.Sprint("req_", in["client_msg_id"])}), nil
		}
		return OK(M{"data": MPServiceMarketAnswer}), nil
	})
}
