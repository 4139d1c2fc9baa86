package pay

import "net/http"

// VerifyCertificatesForTest exposes the /v3/certificates authentication to
// the external fuzz target.
func (c *Client) VerifyCertificatesForTest(h http.Header, body []byte) ([]PlatformCertificate, error) {
	return c.verifyCertificates(h, body)
}

// DecodeNotificationForTest exposes the post-verification notification
// decoding to the external fuzz target.
func (c *Client) DecodeNotificationForTest(body []byte) (*Notification, error) {
	return c.decodeNotification(body)
}
