package work

import (
	"sync/atomic"

	wechat "github.com/weixin-go/wechat"
)

// service is the common part of every WeCom service.
type service struct {
	c     *wechat.Client
	agent Agent
}

// AgentClient calls WeCom with one agent's access token: its exported
// fields are the API groups (services). It embeds the core client, so Call,
// Stream and Upload reach any endpoint not wrapped yet. The API index:
// https://developer.work.weixin.qq.com/document/path/90664
type AgentClient struct {
	*wechat.Client
	corpID string
	agent  Agent
	token  *wechat.TokenCache
	// The JS-SDK ticket caches, made on first use (most agents never sign).
	corpTicket, agentTicket atomic.Pointer[wechat.TokenCache]

	// Message sends application messages, recalls them and updates template cards (消息推送).
	Message *MessageService
	// App reads and sets the agent's settings (应用管理).
	App *AppService
	// AppChat manages group chats created by the agent and sends to them (群聊会话).
	AppChat *AppChatService
	// AppMenu manages the agent's menu (自定义菜单).
	AppMenu *AppMenuService
	// AppWorkbench sets the agent's workbench template and data (工作台自定义展示).
	AppWorkbench *AppWorkbenchService
	// Material uploads and downloads media (素材管理).
	Material *MaterialService
	// MiniProgram logs in users of a WeCom mini program (小程序登录).
	MiniProgram *MiniProgramService
	// Auth identifies users who sign in through the agent's web pages and
	// two-factor verification (身份验证).
	Auth *AuthService
	// User manages members of the address book (成员管理).
	User *UserService
	// Department manages departments (部门管理).
	Department *DepartmentService
	// Tag manages address-book tags (标签管理).
	Tag *TagService
	// Batch imports members and departments from CSV files (异步批量接口).
	Batch *BatchService
	// Export exports the address book to encrypted files (异步导出接口).
	Export *ExportService
	// Customer manages external contacts (客户管理).
	Customer *CustomerService
	// CustomerTag manages customer tags (客户标签管理).
	CustomerTag *CustomerTagService
	// CustomerMoment manages customer moments (客户朋友圈).
	CustomerMoment *CustomerMomentService
	// CustomerTransfer transfers customers between members (在职/离职继承).
	CustomerTransfer *CustomerTransferService
	// CustomerStrategy manages customer contact rules (客户联系规则组).
	CustomerStrategy *CustomerStrategyService
	// CustomerGroupMsg sends mass messages to customers (群发消息).
	CustomerGroupMsg *CustomerGroupMsgService
	// CustomerGroupChat manages customer group chats (客户群管理).
	CustomerGroupChat *CustomerGroupChatService
	// CustomerWelcome manages welcome messages (欢迎语).
	CustomerWelcome *CustomerWelcomeService
	// CustomerContactWay manages contact-me configurations (联系我).
	CustomerContactWay *CustomerContactWayService
	// CustomerAcquisition manages customer-acquisition links (获客助手).
	CustomerAcquisition *CustomerAcquisitionService
	// CustomerIntercept manages chat sensitive-word rules (聊天敏感词).
	CustomerIntercept *CustomerInterceptService
	// CustomerProductAlbum manages the product album (商品图册).
	CustomerProductAlbum *CustomerProductAlbumService
	// KFAccount manages WeChat customer-service accounts (微信客服账号).
	KFAccount *KFAccountService
	// KFMessage receives and sends WeChat customer-service messages (微信客服消息).
	KFMessage *KFMessageService
	// KFCustomer reads WeChat customer-service customers and recommends upgrade services (微信客服客户, 升级服务).
	KFCustomer *KFCustomerService
	// KFServicer manages the servicers of WeChat customer-service accounts (接待人员管理).
	KFServicer *KFServicerService
	// KFSession reads and changes WeChat customer-service session states (会话分配).
	KFSession *KFSessionService
	// KFStatistic reads WeChat customer-service statistics (统计管理).
	KFStatistic *KFStatisticService
	// Checkin reads and manages check-ins (打卡).
	Checkin *CheckinService
	// MeetingRoom manages meeting rooms (会议室).
	MeetingRoom *MeetingRoomService
	// Schedule manages schedules (日程).
	Schedule *ScheduleService
	// Calendar manages calendars (日历).
	Calendar *CalendarService
	// Journal reads reports (汇报).
	Journal *JournalService
	// Approval creates and reads approvals (审批).
	Approval *ApprovalService
	// Vacation reads and sets leave balances (假期).
	Vacation *VacationService
	// Pstncc makes emergency phone calls (紧急通知应用).
	Pstncc *PstnccService
	// Meeting manages online meetings (会议).
	Meeting *MeetingService
	// Living manages live broadcasts (直播).
	Living *LivingService
	// MsgAudit reads chat-archive settings: archived members, customer
	// consent and group chats (会话内容存档).
	MsgAudit *MsgAuditService
	// WeDriveSpace manages WeDrive spaces (微盘空间管理).
	WeDriveSpace *WeDriveSpaceService
	// WeDriveSpaceACL manages WeDrive space permissions (微盘空间权限).
	WeDriveSpaceACL *WeDriveSpaceACLService
	// WeDriveFile manages WeDrive files (微盘文件管理).
	WeDriveFile *WeDriveFileService
	// WeDriveFileACL manages WeDrive file permissions (微盘文件权限).
	WeDriveFileACL *WeDriveFileACLService
	// ExternalPay reads payment records and manages payment merchants (对外收款).
	ExternalPay *ExternalPayService
	// Doc manages documents, spreadsheets and smart sheets (文档管理).
	Doc *DocService
	// Reimburse reads e-invoices members submit for reimbursement and sets
	// their reimbursement status (电子发票).
	Reimburse *ReimburseService
	// Health reads health-report jobs and answers (健康上报).
	Health *HealthService
	// Dial reads public-phone call records (公费电话).
	Dial *DialService
	// Mail sends mails from the app's mailbox (邮件).
	Mail *MailService
	// School manages the home-school address book and reads class live
	// broadcasts and collections (家校沟通, 家校应用).
	School *SchoolService
}

type (
	// MessageService sends application messages, recalls them and updates template cards (消息推送).
	MessageService service
	// AppService reads and sets the agent's settings (应用管理).
	AppService service
	// AppChatService manages group chats created by the agent and sends to them (群聊会话).
	AppChatService service
	// AppMenuService manages the agent's menu (自定义菜单).
	AppMenuService service
	// AppWorkbenchService sets the agent's workbench template and data (工作台自定义展示).
	AppWorkbenchService service
	// MaterialService uploads and downloads media (素材管理).
	MaterialService service
	// MiniProgramService logs in users of a WeCom mini program (小程序登录).
	MiniProgramService service
	// AuthService identifies users who sign in through the agent's web
	// pages and two-factor verification (身份验证).
	AuthService service
	// UserService manages members of the address book (成员管理).
	UserService service
	// DepartmentService manages departments (部门管理).
	DepartmentService service
	// TagService manages address-book tags (标签管理).
	TagService service
	// BatchService imports members and departments from CSV files (异步批量接口).
	BatchService service
	// ExportService exports the address book to encrypted files (异步导出接口).
	ExportService service
	// CustomerService manages external contacts (客户管理).
	CustomerService service
	// CustomerTagService manages customer tags (客户标签管理).
	CustomerTagService service
	// CustomerMomentService manages customer moments (客户朋友圈).
	CustomerMomentService service
	// CustomerTransferService transfers customers between members (在职/离职继承).
	CustomerTransferService service
	// CustomerStrategyService manages customer contact rules (客户联系规则组).
	CustomerStrategyService service
	// CustomerGroupMsgService sends mass messages to customers (群发消息).
	CustomerGroupMsgService service
	// CustomerGroupChatService manages customer group chats (客户群管理).
	CustomerGroupChatService service
	// CustomerWelcomeService manages welcome messages (欢迎语).
	CustomerWelcomeService service
	// CustomerContactWayService manages contact-me configurations (联系我).
	CustomerContactWayService service
	// CustomerAcquisitionService manages customer-acquisition links (获客助手).
	CustomerAcquisitionService service
	// CustomerInterceptService manages chat sensitive-word rules (聊天敏感词).
	CustomerInterceptService service
	// CustomerProductAlbumService manages the product album (商品图册).
	CustomerProductAlbumService service
	// KFAccountService manages WeChat customer-service accounts (微信客服账号).
	KFAccountService service
	// KFMessageService receives and sends WeChat customer-service messages (微信客服消息).
	KFMessageService service
	// KFCustomerService reads WeChat customer-service customers and recommends upgrade services (微信客服客户, 升级服务).
	KFCustomerService service
	// KFServicerService manages the servicers of WeChat customer-service accounts (接待人员管理).
	KFServicerService service
	// KFSessionService reads and changes WeChat customer-service session states (会话分配).
	KFSessionService service
	// KFStatisticService reads WeChat customer-service statistics (统计管理).
	KFStatisticService service
	// CheckinService reads and manages check-ins (打卡).
	CheckinService service
	// MeetingRoomService manages meeting rooms (会议室).
	MeetingRoomService service
	// ScheduleService manages schedules (日程).
	ScheduleService service
	// CalendarService manages calendars (日历).
	CalendarService service
	// JournalService reads reports (汇报).
	JournalService service
	// ApprovalService creates and reads approvals (审批).
	ApprovalService service
	// VacationService reads and sets leave balances (假期).
	VacationService service
	// PstnccService makes emergency phone calls (紧急通知应用).
	PstnccService service
	// MeetingService manages online meetings (会议).
	MeetingService service
	// LivingService manages live broadcasts (直播).
	LivingService service
	// MsgAuditService reads chat-archive settings: archived members,
	// customer consent and group chats (会话内容存档).
	MsgAuditService service
	// WeDriveSpaceService manages WeDrive spaces (微盘空间管理).
	WeDriveSpaceService service
	// WeDriveSpaceACLService manages WeDrive space permissions (微盘空间权限).
	WeDriveSpaceACLService service
	// WeDriveFileService manages WeDrive files (微盘文件管理).
	WeDriveFileService service
	// WeDriveFileACLService manages WeDrive file permissions (微盘文件权限).
	WeDriveFileACLService service
	// ExternalPayService reads payment records and manages payment merchants (对外收款).
	ExternalPayService service
	// DocService manages documents, spreadsheets and smart sheets (文档管理).
	DocService service
	// ReimburseService reads e-invoices members submit for reimbursement and
	// sets their reimbursement status (电子发票).
	ReimburseService service
	// HealthService reads health-report jobs and answers (健康上报).
	HealthService service
	// DialService reads public-phone call records (公费电话).
	DialService service
	// MailService sends mails from the app's mailbox (邮件).
	MailService service
	// SchoolService manages the home-school address book and reads class
	// live broadcasts and collections (家校沟通, 家校应用).
	SchoolService service
)

// initServices points every service at the agent's client.
func (ac *AgentClient) initServices(c *wechat.Client, a Agent) {
	s := &service{c: c, agent: a}
	ac.Message = (*MessageService)(s)
	ac.App = (*AppService)(s)
	ac.AppChat = (*AppChatService)(s)
	ac.AppMenu = (*AppMenuService)(s)
	ac.AppWorkbench = (*AppWorkbenchService)(s)
	ac.Material = (*MaterialService)(s)
	ac.MiniProgram = (*MiniProgramService)(s)
	ac.Auth = (*AuthService)(s)
	ac.User = (*UserService)(s)
	ac.Department = (*DepartmentService)(s)
	ac.Tag = (*TagService)(s)
	ac.Batch = (*BatchService)(s)
	ac.Export = (*ExportService)(s)
	ac.Customer = (*CustomerService)(s)
	ac.CustomerTag = (*CustomerTagService)(s)
	ac.CustomerMoment = (*CustomerMomentService)(s)
	ac.CustomerTransfer = (*CustomerTransferService)(s)
	ac.CustomerStrategy = (*CustomerStrategyService)(s)
	ac.CustomerGroupMsg = (*CustomerGroupMsgService)(s)
	ac.CustomerGroupChat = (*CustomerGroupChatService)(s)
	ac.CustomerWelcome = (*CustomerWelcomeService)(s)
	ac.CustomerContactWay = (*CustomerContactWayService)(s)
	ac.CustomerAcquisition = (*CustomerAcquisitionService)(s)
	ac.CustomerIntercept = (*CustomerInterceptService)(s)
	ac.CustomerProductAlbum = (*CustomerProductAlbumService)(s)
	ac.KFAccount = (*KFAccountService)(s)
	ac.KFMessage = (*KFMessageService)(s)
	ac.KFCustomer = (*KFCustomerService)(s)
	ac.KFServicer = (*KFServicerService)(s)
	ac.KFSession = (*KFSessionService)(s)
	ac.KFStatistic = (*KFStatisticService)(s)
	ac.Checkin = (*CheckinService)(s)
	ac.MeetingRoom = (*MeetingRoomService)(s)
	ac.Schedule = (*ScheduleService)(s)
	ac.Calendar = (*CalendarService)(s)
	ac.Journal = (*JournalService)(s)
	ac.Approval = (*ApprovalService)(s)
	ac.Vacation = (*VacationService)(s)
	ac.Pstncc = (*PstnccService)(s)
	ac.Meeting = (*MeetingService)(s)
	ac.Living = (*LivingService)(s)
	ac.MsgAudit = (*MsgAuditService)(s)
	ac.WeDriveSpace = (*WeDriveSpaceService)(s)
	ac.WeDriveSpaceACL = (*WeDriveSpaceACLService)(s)
	ac.WeDriveFile = (*WeDriveFileService)(s)
	ac.WeDriveFileACL = (*WeDriveFileACLService)(s)
	ac.ExternalPay = (*ExternalPayService)(s)
	ac.Doc = (*DocService)(s)
	ac.Reimburse = (*ReimburseService)(s)
	ac.Health = (*HealthService)(s)
	ac.Dial = (*DialService)(s)
	ac.Mail = (*MailService)(s)
	ac.School = (*SchoolService)(s)
}
