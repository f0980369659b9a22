package io.leakwatch.classifier.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Synthetic TRANSACTIONAL SMS: one-time codes, bank, card, loan and payment alerts, operator balance, data and bill
 * notices, deliveries and pickup codes, orders, rides and food delivery, rail, air and hotel bookings, hospital,
 * school and exam notices, social security, housing fund, tax, traffic, court and other government services,
 * weather warnings, utility and property bills, insurance, securities and fund confirmations, subscriptions;
 * about 85% Chinese and 15% English (UK, US and Singapore shapes). They add to {@code zh-inbox}'s {@code inform}
 * messages, until now the only real notices in the corpora, so that the model learns what legitimate notices look
 * like in general rather than what one person's inbox looks like, and they give English notices at all.
 *
 * <p>Each message is composed: an optional opener ({@code 尊敬的客户，}, {@code 您好，}, ...), a body template
 * of its sector (for Chinese, sometimes followed by more bodies of the same sector), an optional closer
 * ({@code 详询95555。}, {@code 如非本人操作请忽略。}, ...) and, for Chinese, a
 * {@code 【sender】} signature at the start (about 60%), at the end (about 25%) or absent (about 15%); English
 * notices put {@code Sender: } first or {@code  - Sender} last or carry none. Slots ({@code {bank}},
 * {@code {amount}}, {@code {date}}, ...) are filled from the lists below; an entity slot keeps its value within
 * a message, so the signature, the hotline and the body name the same bank, courier or airline. No text is
 * marketing: no opt-out markers, promotions or offers. Written for this project in the shapes real notices
 * take; no corpus text is copied.
 */
public final class SyntheticNotices {

    // ---------------------------------------------------------------- Chinese slot values

    /** City, province, licence-plate and court abbreviation, area code. */
    private static final String[][] CITIES = {
        {"北京", "北京市", "京", "010"}, {"上海", "上海市", "沪", "021"}, {"广州", "广东省", "粤", "020"},
        {"深圳", "广东省", "粤", "0755"}, {"成都", "四川省", "川", "028"}, {"杭州", "浙江省", "浙", "0571"},
        {"武汉", "湖北省", "鄂", "027"}, {"西安", "陕西省", "陕", "029"}, {"南京", "江苏省", "苏", "025"},
        {"重庆", "重庆市", "渝", "023"}, {"天津", "天津市", "津", "022"}, {"苏州", "江苏省", "苏", "0512"},
        {"长沙", "湖南省", "湘", "0731"}, {"郑州", "河南省", "豫", "0371"}, {"济南", "山东省", "鲁", "0531"},
        {"青岛", "山东省", "鲁", "0532"}, {"沈阳", "辽宁省", "辽", "024"}, {"大连", "辽宁省", "辽", "0411"},
        {"哈尔滨", "黑龙江省", "黑", "0451"}, {"昆明", "云南省", "云", "0871"}, {"福州", "福建省", "闽", "0591"},
        {"厦门", "福建省", "闽", "0592"}, {"合肥", "安徽省", "皖", "0551"}, {"南昌", "江西省", "赣", "0791"},
        {"石家庄", "河北省", "冀", "0311"}, {"太原", "山西省", "晋", "0351"}, {"南宁", "广西壮族自治区", "桂", "0771"},
        {"贵阳", "贵州省", "黔", "0851"}, {"兰州", "甘肃省", "甘", "0931"}, {"宁波", "浙江省", "浙", "0574"},
        {"东莞", "广东省", "粤", "0769"}, {"佛山", "广东省", "粤", "0757"}, {"无锡", "江苏省", "苏", "0510"},
        {"温州", "浙江省", "浙", "0577"}, {"洛阳", "河南省", "豫", "0379"}, {"绵阳", "四川省", "川", "0816"},
    };
    /** Bank and customer-service number. */
    private static final String[][] BANKS = {
        {"工商银行", "95588"}, {"建设银行", "95533"}, {"农业银行", "95599"}, {"中国银行", "95566"},
        {"交通银行", "95559"}, {"招商银行", "95555"}, {"浦发银行", "95528"}, {"民生银行", "95568"},
        {"兴业银行", "95561"}, {"平安银行", "95511"}, {"中信银行", "95558"}, {"光大银行", "95595"},
        {"邮储银行", "95580"}, {"华夏银行", "95577"}, {"广发银行", "95508"}, {"北京银行", "95526"},
    };
    private static final String[][] PAYS = {{"支付宝", "95188"}, {"微信支付", "95017"}, {"云闪付", "95516"}};
    private static final String[][] OPERATORS = {
        {"中国移动", "10086"}, {"中国联通", "10010"}, {"中国电信", "10000"}, {"中国广电", "10099"},
    };
    /** Courier, customer-service number, waybill prefix, waybill digits. */
    private static final String[][] COURIERS = {
        {"顺丰速运", "95338", "SF", "13"}, {"中通快递", "95311", "7", "13"}, {"圆通速递", "95554", "YT", "13"},
        {"韵达快递", "95546", "4", "14"}, {"申通快递", "95543", "77", "13"}, {"极兔速递", "956025", "JT", "13"},
        {"京东快递", "950616", "JD", "13"}, {"中国邮政", "11183", "9", "12"}, {"德邦快递", "95353", "DPK", "12"},
    };
    private static final String[] STATIONS = {"菜鸟驿站", "兔喜生活", "妈妈驿站", "中邮驿站", "快递超市", "熊猫快收"};
    private static final String[] LOCKERS = {"丰巢智能柜", "速递易快递柜", "近邻宝", "中邮智能柜"};
    /** Apps that send one-time codes and account notices. */
    private static final String[] APPS = {
        "美团", "饿了么", "滴滴出行", "京东", "淘宝", "拼多多", "小红书", "抖音", "快手", "携程", "去哪儿", "哈啰",
        "叮咚买菜", "盒马", "闲鱼", "唯品会", "网易", "百度", "微博", "知乎", "哔哩哔哩", "Keep", "高德地图", "得物",
        "贝壳找房", "58同城", "BOSS直聘", "智联招聘", "大众点评", "飞猪", "同程旅行", "航旅纵横", "钉钉", "飞书",
        "企业微信", "喜马拉雅", "网易云音乐", "QQ音乐", "爱奇艺", "腾讯视频", "华为帐号", "小米帐号", "OPPO帐号",
        "vivo帐号", "荣耀帐号", "夸克", "WPS", "个人所得税", "国家政务服务平台", "掌上公积金", "健康160", "微医",
        "好大夫在线", "铁路12306", "中国移动App", "瑞幸咖啡", "蔚来", "理想汽车", "小鹏汽车", "交管12123",
    };
    private static final String[] SHOPS = {
        "京东", "淘宝", "天猫", "拼多多", "唯品会", "苏宁易购", "当当", "得物", "抖音商城", "小米商城", "华为商城",
        "网易严选", "山姆会员商店", "盒马", "叮咚买菜", "朴朴超市",
    };
    private static final String[] FOODS = {"美团外卖", "饿了么", "美团"};
    private static final String[] RIDES = {"滴滴出行", "高德打车", "曹操出行", "T3出行", "花小猪打车", "首汽约车", "享道出行"};
    private static final String[][] OTAS = {
        {"携程旅行", "95010"}, {"去哪儿旅行", "95117"}, {"同程旅行", "95711"}, {"飞猪旅行", ""}, {"智行", ""},
        {"美团酒店", ""}, {"途牛旅游", ""},
    };
    /** Airline, customer-service number, IATA code, ticket prefix. */
    private static final String[][] AIRLINES = {
        {"中国国航", "95583", "CA", "999"}, {"东方航空", "95530", "MU", "781"}, {"南方航空", "95539", "CZ", "784"},
        {"海南航空", "95339", "HU", "880"}, {"厦门航空", "95557", "MF", "731"}, {"四川航空", "95378", "3U", "876"},
        {"深圳航空", "95361", "ZH", "479"}, {"春秋航空", "95524", "9C", "089"}, {"吉祥航空", "95520", "HO", "018"},
    };
    private static final String[] HOTELS = {
        "华住会", "汉庭酒店", "全季酒店", "如家酒店", "锦江之星", "亚朵酒店", "维也纳酒店", "7天酒店", "桔子水晶酒店",
        "希尔顿欢朋", "丽枫酒店",
    };
    private static final String[] ROOM_TYPES = {"高级大床房", "商务双床房", "豪华大床房", "标准间", "亲子房", "行政大床房"};
    private static final String[] HOSPITALS = {
        "{city}市第一人民医院", "{city}市第二人民医院", "{city}市中心医院", "{city}市中医院", "{city}市妇幼保健院",
        "{city}市儿童医院", "{city}医科大学附属第一医院", "{city}市口腔医院", "{city}市人民医院",
    };
    private static final String[] DEPTS = {
        "内科", "心内科", "消化内科", "呼吸内科", "皮肤科", "眼科", "耳鼻喉科", "儿科", "妇科", "产科", "骨科", "口腔科",
        "神经内科", "内分泌科", "普外科", "泌尿外科", "中医科", "康复科", "体检中心",
    };
    private static final String[] DOCTOR_TITLES = {"主任医师", "副主任医师", "主治医师", "医师"};
    private static final String[] FLOORS = {"门诊楼2楼", "门诊楼3楼", "门诊楼4楼", "医技楼1楼", "医技楼2楼", "综合楼5楼"};
    private static final String[] SCHOOLS = {
        "{city}市第一中学", "{city}市实验小学", "{city}外国语学校", "{city}市第二实验小学", "{city}大学", "{city}理工大学",
        "{city}师范大学", "{city}职业技术学院", "{city}市第三中学", "{city}市育才中学",
    };
    private static final String[] EXAM_ORGS = {
        "{province}教育考试院", "{city}市人事考试中心", "中国人事考试网", "{city}市招生考试院", "{province}人事考试网",
    };
    private static final String[] EXAMS = {
        "全国大学英语四六级考试", "全国计算机等级考试", "普通话水平测试", "中小学教师资格考试", "初级会计专业技术资格考试",
        "全国硕士研究生招生考试", "一级建造师执业资格考试", "二级建造师执业资格考试", "公务员录用考试", "自学考试",
    };
    private static final String[] GRADES = {"一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一", "高二"};
    private static final String[] MAJORS = {"计算机科学与技术", "临床医学", "法学", "会计学", "机械工程", "汉语言文学", "软件工程", "护理学"};
    /** Insurer and customer-service number. */
    private static final String[][] INSURERS = {
        {"中国人寿", "95519"}, {"平安保险", "95511"}, {"太平洋保险", "95500"}, {"中国人保", "95518"},
        {"新华保险", "95567"}, {"泰康保险", "95522"}, {"太平人寿", "95589"}, {"阳光保险", "95510"},
    };
    private static final String[] INS_PRODUCTS = {
        "百万医疗险", "重大疾病保险", "意外伤害保险", "商业车险", "交强险", "养老年金保险", "住院医疗保险", "定期寿险",
    };
    /** Broker and customer-service number. */
    private static final String[][] BROKERS = {
        {"中信证券", "95548"}, {"华泰证券", "95597"}, {"国泰君安", "95521"}, {"招商证券", "95565"},
        {"广发证券", "95575"}, {"海通证券", "95553"}, {"银河证券", "95551"}, {"东方财富证券", ""},
    };
    /** Stock and code. */
    private static final String[][] STOCKS = {
        {"贵州茅台", "600519"}, {"中国平安", "601318"}, {"招商银行", "600036"}, {"宁德时代", "300750"},
        {"比亚迪", "002594"}, {"长江电力", "600900"}, {"美的集团", "000333"}, {"格力电器", "000651"},
        {"伊利股份", "600887"}, {"五粮液", "000858"}, {"工商银行", "601398"}, {"中国神华", "601088"},
        {"海天味业", "603288"}, {"万科A", "000002"}, {"隆基绿能", "601012"}, {"中信证券", "600030"},
    };
    private static final String[] IPO_HEADS = {"华芯", "瑞达", "中科", "恒信", "博远", "天润", "鑫源", "晶合", "汇川", "联芸"};
    private static final String[] IPO_TAILS = {"科技", "股份", "电子", "新材", "医药", "智能", "精密"};
    private static final String[] FUND_COS = {
        "易方达基金", "华夏基金", "南方基金", "嘉实基金", "广发基金", "富国基金", "汇添富基金", "博时基金", "招商基金",
        "天弘基金", "工银瑞信基金",
    };
    private static final String[] FUND_THEMES = {
        "稳健收益债券", "价值精选混合", "成长优选混合", "消费行业股票", "科技创新混合", "中证500指数", "沪深300ETF联接",
        "纯债债券", "货币", "医疗健康混合", "双债增强债券",
    };
    private static final String[] MEDIA = {
        "爱奇艺", "腾讯视频", "优酷", "芒果TV", "QQ音乐", "网易云音乐", "百度网盘", "WPS", "哔哩哔哩", "喜马拉雅",
    };
    private static final String[] ETCS = {"粤通卡", "苏通卡", "速通卡", "鲁通卡", "乐速通", "ETC服务", "赣通卡"};
    private static final String[] PROPCOS = {
        "{estate}物业服务中心", "万科物业", "碧桂园服务", "保利物业", "绿城服务", "龙湖智创生活", "招商积余", "{estate}物业",
    };
    private static final String[] ESTATES = {
        "阳光花园", "锦绣华庭", "翠湖苑", "滨江花园", "世纪新城", "紫荆苑", "碧水湾", "金色家园", "御景园", "怡和苑",
        "东方名城", "书香雅苑", "幸福里", "城市之光",
    };
    private static final String[] GATES = {"东门", "南门", "北门", "西门", "1号楼下", "地下车库入口", "小区正门"};
    private static final String[] AREAS = {
        "高新区", "经开区", "城东", "城西", "滨江", "新城", "老城", "江北", "开发区", "中心城区", "火车站", "大学城",
    };
    private static final String[] ROADS = {
        "人民路", "建设路", "中山路", "解放路", "和平路", "长江路", "新华路", "学府路", "科技路", "滨河路", "文化路",
        "朝阳路", "东风路", "胜利路",
    };
    private static final String[] PLACES = {
        "{city}南站", "{city}东站", "{estate}{door}", "{city}{area}万达广场", "{city}机场T2航站楼", "{city}市人民医院门诊楼",
        "{road}地铁站B口", "{city}大学南门",
    };
    private static final String[] STORES = {
        "罗森便利店", "全家便利店", "7-ELEVEn", "麦当劳", "肯德基", "星巴克", "瑞幸咖啡", "永辉超市", "沃尔玛", "华润万家",
        "中国石化加油站", "中国石油加油站", "美宜佳", "物美超市", "盒马鲜生", "滴滴出行", "美团", "京东商城", "屈臣氏",
        "大润发", "海底捞", "名创优品", "{city}地铁",
    };
    private static final String[] RESTAURANTS = {
        "黄焖鸡米饭", "兰州拉面", "沙县小吃", "麦当劳", "肯德基", "华莱士", "蜜雪冰城", "瑞幸咖啡", "喜茶", "老乡鸡",
        "真功夫", "杨国福麻辣烫", "{surname}记粥铺", "{surname}家小厨", "必胜客",
    };
    private static final String[] PRODUCTS = {
        "无线耳机", "保温杯", "运动鞋", "洗衣凝珠", "抽纸", "儿童书包", "手机壳", "电动牙刷", "空气炸锅", "羽绒服",
        "充电宝", "猫粮", "数据线", "台灯", "登山包", "奶粉",
    };
    private static final String[] CARS = {
        "白色大众朗逸", "黑色丰田凯美瑞", "蓝色比亚迪秦", "银色本田雅阁", "白色特斯拉Model 3", "灰色日产轩逸",
        "黑色别克GL8", "白色埃安S",
    };
    private static final String[] DEVICES = {
        "iPhone 15", "iPhone 13", "HUAWEI Mate 60", "Xiaomi 14", "OPPO Find X7", "vivo X100", "荣耀Magic6", "Windows电脑",
        "iPad", "MacBook", "Redmi K70",
    };
    private static final String[] SURNAMES = {
        "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "欧阳",
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "杰", "娟", "涛", "明", "华", "玲",
    };
    private static final String[] MEMOS = {"房租", "生活费", "货款", "报销款", "还款", "工资", "借款归还", "学费", "转账"};
    private static final String[] PAYEES = {
        "国家电网电费", "自来水费", "燃气费", "中国移动话费", "城乡居民医保", "物业费", "保险费", "有线电视费", "ETC通行费",
    };
    private static final String[] PACKAGES = {
        "5G畅享129元套餐", "5G智享99元套餐", "全家享融合套餐", "天翼畅享套餐", "大王卡套餐", "4G飞享38元套餐", "流量加油包",
    };
    private static final String[] SERVICES = {"来电显示", "视频彩铃", "139邮箱", "云盘", "国际及港澳台漫游", "语音信箱", "家庭宽带提速"};
    private static final String[] ABROAD = {"香港", "澳门", "日本", "泰国", "新加坡", "韩国", "英国", "美国", "马来西亚"};
    private static final String[] HAZARDS = {"暴雨", "大风", "高温", "寒潮", "雷电", "大雾", "台风", "道路结冰", "暴雪", "冰雹"};
    private static final String[] LEVELS = {"蓝色", "黄色", "橙色", "红色"};
    private static final String[] WEATHERS = {"晴", "多云", "阴", "小雨", "中雨", "阵雨", "雷阵雨", "小雪", "晴转多云"};
    private static final String[] EMAIL_DOMAINS = {
        "163.com", "qq.com", "126.com", "gmail.com", "sina.com", "foxmail.com",
    };
    private static final String[] LINK_HOSTS = {"t.cn", "dwz.cn", "url.cn", "sourl.cn", "suo.im"};
    private static final String[] TRAIN_TYPES = {"G", "G", "G", "D", "D", "C", "K", "Z", "T"};
    private static final String[] PLATE_LETTERS = {"A", "B", "C", "D", "E", "F", "G", "H", "K", "L"};
    private static final String[] SEAT_LETTERS = {"A", "B", "C", "D", "E", "F", "H", "J", "K", "L"};

    // ---------------------------------------------------------------- English slot values (UK, US, Singapore)

    private static final String[][] EN_BANKS = {
        {"HSBC", "Barclays", "Lloyds", "NatWest", "Santander", "Monzo", "Nationwide"},
        {"Chase", "Bank of America", "Wells Fargo", "Citi", "Capital One", "US Bank"},
        {"DBS", "OCBC", "UOB", "POSB", "Standard Chartered", "Citibank"},
    };
    private static final String[][] EN_COURIERS = {
        {"Royal Mail", "DPD", "Evri", "DHL", "Parcelforce", "Yodel"},
        {"UPS", "FedEx", "USPS", "Amazon", "DHL"},
        {"SingPost", "Ninja Van", "J&T Express", "DHL", "Qxpress"},
    };
    private static final String[][] EN_STORES = {
        {"Tesco", "Sainsbury's", "Pret A Manger", "Boots", "TfL Travel", "Amazon UK", "Greggs"},
        {"Walmart", "Target", "Starbucks", "Whole Foods", "Shell", "Amazon.com", "CVS"},
        {"NTUC FairPrice", "Cold Storage", "Grab", "Starbucks", "Shopee", "Don Don Donki", "Guardian"},
    };
    private static final String[][] EN_BILLERS = {
        {"British Gas", "Thames Water", "Vodafone", "EE", "Council Tax", "TV Licensing"},
        {"Con Edison", "Verizon", "AT&T", "Comcast", "PG&E", "Geico"},
        {"SP Group", "Singtel", "StarHub", "M1", "Town Council", "AIA"},
    };
    /** Per region: airline, IATA code. */
    private static final String[][][] EN_AIRLINES = {
        {{"British Airways", "BA"}, {"easyJet", "U2"}, {"Virgin Atlantic", "VS"}},
        {{"United", "UA"}, {"Delta", "DL"}, {"American Airlines", "AA"}, {"Southwest", "WN"}},
        {{"Singapore Airlines", "SQ"}, {"Scoot", "TR"}},
    };
    private static final String[][] EN_RIDES = {
        {"Uber", "Bolt", "FREENOW"}, {"Uber", "Lyft"}, {"Grab", "Gojek", "TADA"},
    };
    private static final String[][] EN_FOODS = {
        {"Deliveroo", "Just Eat", "Uber Eats"}, {"DoorDash", "Uber Eats", "Grubhub"},
        {"foodpanda", "GrabFood", "Deliveroo"},
    };
    private static final String[][] EN_CLINICS = {
        {"Riverside Medical Centre", "Park Street Surgery", "Hillview Dental", "Elm Tree Practice"},
        {"Northside Family Clinic", "Bayview Dental", "Lakeside Health", "Oak Street Pediatrics"},
        {"Raffles Medical", "Queenstown Polyclinic", "Parkway Clinic", "Orchard Dental Centre"},
    };
    private static final String[][] EN_PHARMACIES = {
        {"Boots", "Superdrug", "your local pharmacy"}, {"CVS Pharmacy", "Walgreens", "Rite Aid"},
        {"Guardian", "Watsons", "Unity Pharmacy"},
    };
    private static final String[][] EN_HOTELS = {
        {"Premier Inn London City", "Travelodge Manchester", "The Grand Brighton", "Hilton Edinburgh"},
        {"Hilton Garden Inn Boston", "Hampton Inn Austin", "Marriott Chicago", "Holiday Inn Seattle"},
        {"Hotel Boss", "Parkroyal on Beach Road", "Holiday Inn Orchard", "Hotel 81 Bugis"},
    };
    private static final String[] EN_STAYS = {
        "Booking.com", "Airbnb", "Expedia", "Hotels.com", "Marriott Bonvoy", "Agoda",
    };
    /** Per region: utility, what it supplies. */
    private static final String[][][] EN_UTILITIES = {
        {{"British Gas", "gas"}, {"Octopus Energy", "electricity"}, {"Thames Water", "water"}, {"EDF", "electricity"}},
        {{"Con Edison", "electricity"}, {"PG&E", "gas"}, {"Duke Energy", "electricity"}, {"LADWP", "water"}},
        {{"SP Group", "electricity"}, {"PUB", "water"}, {"City Energy", "gas"}},
    };
    private static final String[][] EN_SCHOOLS = {
        {"Oakwood Primary School", "St Anne's Academy", "Greenfield High School"},
        {"Lincoln Elementary", "Westview Middle School", "Roosevelt High School"},
        {"Bukit Timah Primary", "Tampines Secondary School", "Woodlands Primary"},
    };
    private static final String[][] EN_POINTS = {
        {"the Post Office on High Street", "the InPost locker at Tesco Extra", "the DPD Pickup shop at Co-op"},
        {"The UPS Store on Main St", "the Amazon Locker at Whole Foods", "the FedEx Office on 5th Ave"},
        {"the POPStation at Tampines MRT", "the Ninja Point at 7-Eleven Bedok", "SingPost Bukit Merah"},
    };
    private static final String[] EN_APPS = {
        "Google", "Microsoft", "Amazon", "PayPal", "Uber", "WhatsApp", "Apple", "Instagram", "Netflix", "Spotify",
        "LinkedIn", "Airbnb", "Revolut", "Wise", "Booking.com", "Steam", "Discord", "Telegram", "Signal", "Coinbase",
        "eBay", "Etsy", "Shopee", "Grab", "Zoom", "Dropbox", "Facebook", "TikTok",
    };
    private static final String[] EN_FIRST = {
        "James", "Sarah", "Wei Ling", "Priya", "Tom", "Emily", "Daniel", "Aisha", "Michael", "Rachel", "Jun Hao",
        "Olivia", "Mohammed", "Chloe", "Kumar", "Grace",
    };
    private static final String[] EN_LAST = {
        "Smith", "Patel", "Tan", "Jones", "Williams", "Lim", "Brown", "Khan", "Garcia", "Taylor", "Wong", "Miller",
    };
    private static final String[] EN_CARS = {
        "white Toyota Prius", "black Tesla Model 3", "silver Honda Civic", "grey Toyota Corolla", "blue Kia Niro",
        "black Mercedes E-Class", "white Hyundai Ioniq",
    };
    private static final String[] EN_DEVICES = {
        "Chrome on Windows", "an iPhone", "Safari on Mac", "an Android phone", "Firefox on Linux", "an iPad",
        "Edge on Windows",
    };
    private static final String[] EN_AIRPORTS = {
        "London Heathrow", "Manchester", "Edinburgh", "New York JFK", "San Francisco", "Chicago O'Hare", "Singapore",
        "Bangkok", "Hong Kong", "Paris CDG", "Tokyo Haneda", "Sydney", "Dubai", "Los Angeles", "Kuala Lumpur",
    };
    private static final String[] EN_RESTAURANTS = {
        "Nando's", "Pizza Express", "Chipotle", "Five Guys", "McDonald's", "Subway", "Wagamama", "Din Tai Fung",
        "Burger King", "KFC", "Sushi Tei",
    };
    private static final String[] EN_MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    };

    // ---------------------------------------------------------------- Chinese body templates, by sector

    /** One-time codes from apps: keyword, code before or after, validity, do-not-share. */
    private static final String[] OTP_APP = {
        "您的验证码是{code6}，{min}分钟内有效，请勿泄露给他人。",
        "验证码{code}，您正在登录{app}，{min}分钟内有效，请勿泄露。",
        "您正在注册{app}账号，验证码：{code4}，切勿将验证码告知他人。",
        "{code6}（{app}动态验证码），请在{min}分钟内填写，工作人员不会向您索取。",
        "您的校验码为{code}，您正在进行身份验证，{min}分钟内有效，请勿告诉他人。",
        "您的动态密码为{code6}，有效期{min}分钟，请勿向任何人提供。",
        "验证码：{code4}，您正在修改登录密码，若非本人操作请立即联系客服。",
        "您的登录验证码：{code}。{min}分钟内有效，如非本人操作请忽略。",
        "{code}是您的{app}验证码，有效期{min}分钟，请勿转发或告诉他人。",
        "动态码{code6}，用于{app}账号绑定手机号，{min}分钟内有效。",
        "确认码{code4}，您正在申请注销{app}账号，注销后数据将无法恢复，请谨慎操作。",
        "您的短信验证码为{code6}，您正在找回密码，请在页面中输入以完成验证。",
        "{code6}为您的登录验证码，请于{min}分钟内填写。如非本人操作，请忽略本短信。",
        "验证码{code6}，您正在绑定新设备，如非本人操作，您的账号可能存在风险，请及时修改密码。",
        "您正在进行实名认证，验证码{code}，有效期{min}分钟，请勿泄露。",
        "您的安全码为{code6}，用于更换绑定手机，{min}分钟内有效。工作人员不会索取，请勿告知他人。",
        "验证码{code4}（{min}分钟有效），您正在使用短信登录，请勿泄露。",
        "您正在申请提现，验证码{code6}，请勿将验证码提供给任何人，包括客服。",
        "您的验证码为{code}，本验证码{min}分钟内有效，感谢您的使用。",
        "{app}验证码：{code6}，您正在登录网页版，请确认是本人操作。",
        "校验码：{code6}。您正在修改支付密码，{min}分钟内有效，请勿泄露。",
        "您正在{app}设置新密码，验证码为{code}，该验证码{min}分钟内有效。",
        "本次操作的验证码是{code6}，如非本人操作请忽略，切勿告诉他人。",
        "您的一次性验证码为{code}，仅用于本次登录，{min}分钟后失效。",
        "登录验证码{code6}，您正在尝试在{device}上登录，如非本人操作请修改密码。",
        "{code4}是您本次身份校验的验证码，{min}分钟内有效，请勿泄露。",
        "验证码{code6}，用于{app}手机号快捷登录，请勿泄露，如非本人操作请忽略。",
        "您正在修改绑定邮箱，验证码为{code6}，{min}分钟内有效。",
        "您的动态校验码：{code}，有效时间{min}分钟。请在页面输入以完成验证。",
        "验证码为{code6}，您正在申请开具电子发票，{min}分钟内有效。",
        "您正在进行账号安全验证，验证码{code6}，{min}分钟内输入有效，切勿透露给他人。",
        "{code6}（验证码），您正在申请开具电子证明，请于{min}分钟内完成验证。",
        "您本次操作的短信确认码为{code}，请核对后输入，{min}分钟内有效。",
        "验证码：{code6}，您正在登录{app}电脑版，请勿泄露。若非本人操作，请尽快修改密码。",
        "您正在预约挂号，验证码{code4}，{min}分钟内有效。",
        "您的验证码:{code6}，您正在进行换绑手机操作，请勿将验证码告诉任何人。",
        "{app}动态码{code}，您正在登录，{min}分钟内有效。",
    };
    /** One-time codes from banks. */
    private static final String[] OTP_BANK = {
        "您正在使用尾号{tail4}的银行卡进行快捷支付，验证码{code6}，金额{amount}元，请勿泄露。",
        "您的动态密码为{code6}，您正在进行网上银行登录，有效期{min}分钟。",
        "验证码{code6}，您正在通过手机银行向{mname}尾号{tail4}的账户转账{amount}元，请核对收款人信息，切勿泄露。",
        "您尾号{tail4}的卡正在开通{pay}快捷支付，验证码{code6}，如非本人操作请勿告知他人。",
        "您正在办理信用卡激活，校验码{code6}，{min}分钟内有效，银行工作人员不会向您索取。",
        "{code6}是您本次手机银行登录的动态码，{min}分钟内有效。任何人索取均为诈骗，请勿泄露。",
        "您正在修改手机银行登录密码，验证码{code}，请勿泄露。",
        "尾号{tail4}卡网上支付验证码{code6}，商户：{store}，金额{amount}元。请勿将验证码告诉他人。",
        "您正在调整尾号{tail4}账户的非柜面转账限额，验证码{code6}，{min}分钟内有效。",
        "您正在绑定新设备登录手机银行，验证码{code6}，如非本人操作请立即致电{hotline}。",
    };
    /** Account security: new device, password changed, phone bound, real-name result. */
    private static final String[] ACCOUNT = {
        "您的账号于{date} {time}在{device}上登录，登录地：{city2}。如非本人操作，请及时修改密码。",
        "您的账号密码已于{date}{time}修改成功。如非本人操作，请立即冻结账号。",
        "您已成功将账号绑定至手机号{mphone}，此后可使用该手机号登录。",
        "您的实名认证已通过审核，认证姓名：{mname}。",
        "很抱歉，您提交的实名认证信息未通过审核，原因：证件照片不清晰，请重新提交。",
        "您的账号已解除与手机号{mphone}的绑定。如有疑问请联系客服。",
        "您的账号在新设备{device}上完成了登录验证，如确认为本人操作，请忽略此短信。",
        "您已成功开启登录保护，下次在新设备登录时需要短信验证。",
        "您申请的账号注销已提交，{n2}天后生效，期间登录账号可撤销申请。",
        "您的支付密码已重置成功，如非本人操作请尽快联系客服。",
        "您的账号绑定邮箱已变更为{email}，如非本人操作请及时处理。",
        "您的账号于{date}在{city2}登录，与常用登录地不一致，如非本人操作请修改密码。",
        "您的人脸识别认证已完成，认证结果：通过。",
        "您已成功注册{app}账号，登录名为{mphone}。",
        "您的账号已完成手机号与实名信息绑定，安全等级已提升。",
        "您的{app}账号已在其他设备退出登录，如非本人操作请及时修改密码。",
    };
    /** Debit-card and account movements. */
    private static final String[] BANK = {
        "您尾号{tail4}的储蓄卡{date}{time}消费支出人民币{amount}元，活期余额{balance}元。",
        "您尾号{tail4}卡{date}{time}转入人民币{amount}元，余额{balance}元。",
        "您尾号{tail4}的账户{date}{time}工资入账{amount}元，余额{balance}元。",
        "您账户{tail4}于{date}{time}{pay}快捷支付{amount}元，余额{balance}元。",
        "{mname}{date}{time}向您尾号{tail4}的账户转账{amount}元，附言：{memo}。",
        "您尾号{tail4}的账户于{date}{time}ATM取款{amount}元，余额{balance}元。",
        "您尾号{tail4}的借记卡{date}{time}跨行转出{amount}元，手续费0.00元，余额{balance}元。",
        "您的账户{tail4}于{date}结息{fee}元，已计入账户余额。",
        "您尾号{tail4}的账户{date}{time}代扣{payee}{fee}元，余额{balance}元。",
        "您尾号{tail4}的定期存款{amount}元已于{date}到期，本息已转入活期账户。",
        "您于{date}在{city}{area}支行办理的挂失业务已受理，新卡领取请携带本人身份证件。",
        "您尾号{tail4}的账户于{date}{time}收到退款{amount}元，余额{balance}元。",
        "您尾号{tail4}的银行卡已于{date}开通短信通知服务，月服务费2元。",
        "您的手机银行已于{date}{time}在新设备登录，如非本人操作，请立即致电{hotline}。",
        "您尾号{tail4}的账户{date}{time}向{mname}转账{amount}元已成功，余额{balance}元。",
        "您尾号{tail4}的银行卡将于{ym}到期，新卡已寄出，请注意查收并及时激活。",
    };
    /** Credit cards: purchases, statements, repayment reminders, instalments, points. */
    private static final String[] CREDIT = {
        "您尾号{tail4}的信用卡于{date}{time}消费{amount}元，可用额度{balance}元。",
        "您的信用卡{month}账单已出，本期应还{amount}元，最低还款{fee}元，到期还款日{date}。",
        "您尾号{tail4}信用卡本期账单{amount}元，到期还款日{date}，请按时还款，以免影响信用记录。",
        "您尾号{tail4}的信用卡已还款{amount}元，当前剩余应还{fee}元。",
        "您尾号{tail4}信用卡本期账单将于{date}到期，截至目前尚有{amount}元未还，请及时还款。",
        "您尾号{tail4}信用卡{date}{time}在{store}消费{amount}元，如非本人交易请致电{hotline}。",
        "您申请的信用卡已于{date}寄出，邮件号{emsno}，请留意查收。",
        "您尾号{tail4}的信用卡已成功激活，请妥善保管卡片和密码。",
        "您尾号{tail4}的信用卡分期申请已成功，分{n12}期，每期应还{fee}元，首期将计入下期账单。",
        "您尾号{tail4}信用卡的年费{small}元将于{date}入账，详情请查看账单。",
        "您尾号{tail4}的信用卡{date}{time}退货入账{amount}元。",
        "您的信用卡临时额度将于{date}到期，到期后恢复为固定额度{balance}元。",
        "您尾号{tail4}的信用卡本期自动还款{amount}元已于{date}从尾号{tail4b}账户扣款成功。",
        "您的信用卡积分{points}分将于{date}到期，请登录手机银行查看积分明细。",
    };
    /** Loan repayment notices from banks. */
    private static final String[] LOAN = {
        "您的个人住房贷款本期应还{amount}元将于{date}从尾号{tail4}账户自动扣款，请确保账户余额充足。",
        "您尾号{tail4}的贷款账户本期已扣款{amount}元，其中本金{fee}元，剩余本金{balance}元。",
        "您的个人消费贷款将于{date}到期，应还本息{amount}元，请按时还款。",
        "您的汽车贷款第{n2}期还款{amount}元已于{date}扣款成功，感谢您按时还款。",
        "您的贷款还款日为每月{dom}日，本期应还{amount}元，请于还款日前存入足额资金。",
        "您的房贷利率已于{date}按合同约定调整，调整后月供{amount}元，详情请登录手机银行查看。",
        "您的个人经营贷款{amount}元已于{date}发放至尾号{tail4}账户，请按约定用途使用。",
    };
    /** Payment apps: payments, transfers, refunds, auto-debits. */
    private static final String[] PAY = {
        "您的账户于{date}{time}支出{amount}元，如有疑问请致电{hotline}。",
        "您于{date}{time}向{store}付款{amount}元，交易单号{order}。",
        "您的{amount}元退款已原路退回，请注意查收。",
        "您已开通小额免密支付，单笔限额{small}元，可在设置中关闭。",
        "您的账户{date}{time}收到{mname}转账{amount}元。",
        "您设置的自动扣款服务（{payee}）已于{date}扣款{fee}元。",
        "您于{date}申请的提现{amount}元已到账尾号{tail4}的{bank}卡。",
        "您的账户已完成身份信息更新，转账及支付额度已恢复。",
    };
    /** Operators: balance, data and minutes used, bills, recharges, packages, roaming, points. */
    private static final String[] OPERATOR = {
        "截至{date}{time}，您当月已用流量{gb}GB，剩余{gb}GB，话费余额{phonebal}元。",
        "您的账户余额{phonebal}元，本月套餐费{fee}元已扣除。",
        "您{month}账单{fee}元，其中套餐月租{small}元，可登录{op}App查询明细。",
        "您于{date}充值{recharge}元已到账，当前话费余额{phonebal}元。",
        "{op}提醒您，截至{date}您本月已拨打市话共{minutes}分钟，国内长途{minutes}分钟。",
        "截至{date}{time}，您的手机账户总余额为{phonebal}元，为避免影响使用，请及时充值。",
        "您本月套餐内国内通用流量已使用{pct}%，剩余{mb}MB，超出后按套餐标准收费。",
        "您的话费余额已不足{small2}元，为避免停机，请及时充值。",
        "您的号码已欠费{fee}元，将于{date}暂停服务，请及时缴费。",
        "您已成功办理{pkg}，次月生效，月费以套餐资费为准。",
        "您已成功订购{service}业务，月功能费{small2}元，次日生效。",
        "您的{service}业务已取消，次月起不再收取功能费。",
        "您的积分{points}分将于{date}到期清零，可登录{op}App查看积分明细。",
        "您已抵达{abroad}，国际漫游服务已开通，当地通话及流量资费可拨打{hotline}查询。",
        "您{month}的电子账单已生成，消费合计{fee}元，可登录网上营业厅查询账单明细。",
        "您的宽带账号{account}将于{date}到期，请及时续费以免影响使用。",
        "您的号码已于{date}完成实名登记，机主：{mname}。",
        "截至{date}，您本月已使用语音通话{minutes}分钟，套餐内剩余{minutes}分钟。",
        "您的号码已于{date}{time}完成补换卡，原SIM卡已失效，如非本人办理请立即致电{hotline}。",
        "您的副卡{mphone}已成功加入家庭套餐，共享主卡流量及通话。",
        "您本月已产生国内流量{gb}GB，套餐外流量费用{fee}元，详情可登录{op}App查看。",
        "您{month}账单已出，合计{fee}元，电子账单：{link}",
    };
    /** Couriers: collected, in transit, out for delivery, delivered, stored. */
    private static final String[] COURIER = {
        "您的快件{waybill}正在派送中，快递员{mname}，电话{mobile}，请保持电话畅通。",
        "您的快件{waybill}已签收，签收人：本人。感谢使用{courier}。",
        "您的快件{waybill}已由{station}代收，取件码{pickup}，请凭取件码及时领取。",
        "您的快件已存入{locker}，取件码{lockcode}，地址：{estate}{door}，请于{hours}小时内取件。",
        "您寄往{city2}的快件{waybill}已被揽收，预计{date}送达。",
        "您的快件{waybill}因收件地址不详暂未派送，请联系快递员{mobile}确认地址。",
        "您的快件{waybill}已到达{city}转运中心，正在发往下一站。",
        "您预约的上门取件已受理，快递员将于{date}{time}前上门，请提前准备好物品。",
        "您寄出的快件{waybill}运费{fee}元已支付成功。",
        "您的快件{waybill}预计今日{time}前送达，如不方便收件请联系快递员{mobile}。",
        "您的到付快件{waybill}需支付运费{fee}元，快递员{mname}正在派送。",
        "您的快件{waybill}已派送至{estate}{door}，物流详情：{link}",
    };
    /** Parcel stations and lockers: pickup codes. */
    private static final String[] STATION = {
        "您的{courier}包裹已到{station}{estate}店，取件码{pickup}，请于{date}前取件。",
        "您有{n3}个包裹在{station}待取，取件码{pickup}，营业时间{openhours}。",
        "请凭取件码{pickup}到{estate}{station}领取您的{courier}包裹，地址：{road}{small}号。",
        "您的包裹已在驿站存放{n3}天，请尽快到{estate}{station}取件，取件码{pickup}。",
        "{courier}#{waybill}已到{station}，请凭{pickup}于{date}前到{road}{small}号领取。",
        "您的包裹已存入{estate}{door}智能柜，取件码{lockcode}，超过{hours}小时将收取保管费。",
        "您在{station}的包裹已被取出，如非本人取件请联系{landline}。",
    };
    /** Online shops: paid, shipped, signed, refunds, after-sales, invoices. */
    private static final String[] SHOP = {
        "您的订单{order}已发货，{courier}运单号{waybill}，请留意查收。",
        "您的订单{order}支付成功，金额{amount}元，商家正在备货。",
        "您购买的{product}已签收，如有问题可在订单页申请售后。",
        "您的退款申请已通过，{amount}元将在1-3个工作日内原路退回。",
        "您的订单{order}已取消，已付款项{amount}元将原路退回。",
        "您的售后申请（服务单号{order}）已受理，快递员将于{date}上门取件。",
        "您订单{order}中的{product}暂时缺货，商家已为您办理退款{amount}元。",
        "您预订的{product}已到货，订单{order}将于{date}发出。",
        "您的电子发票已开具，订单号{order}，可在订单详情中下载。",
        "您的订单{order}正在配送，配送员{mname}，电话{mobile}。",
        "您有一笔订单{order}待支付，金额{amount}元，超时将自动取消。",
        "您的订单{order}已签收，查看订单详情：{link}",
    };
    /** Food delivery. */
    private static final String[] FOOD = {
        "您在{restaurant}的订单已由骑手{mname}接单，预计{time}送达。",
        "骑手正在为您配送，订单尾号{tail4}，骑手电话{mobile}，请保持电话畅通。",
        "您的外卖订单已送达，放在{door}，请及时取餐。",
        "您的订单因商家无法接单已取消，{fee}元已原路退回。",
        "商家已接单，您的{restaurant}订单正在制作中，预计{n30}分钟后出餐。",
    };
    /** Ride hailing. */
    private static final String[] RIDE = {
        "您的车辆已到达上车点，{car}，车牌{plate}，司机{surname}师傅，电话{mphone}。",
        "您本次行程费用{fee}元已支付，感谢乘坐。如有遗失物品可在行程详情联系司机。",
        "司机{surname}师傅已接单，{car} {plate}，预计{n10}分钟后到达{place}。",
        "您预约的{date}{time}用车已成功，出发地：{place}，请提前到达上车点。",
        "您的行程已结束，本次行程{km}公里，费用{fee}元，将从{pay}自动扣款。",
    };
    /** Rail (12306): tickets, changes, refunds, waitlist, delays. */
    private static final String[] RAIL = {
        "订单{ticket}，{mname}您已购{date}{train}次{coach}，{city}站{time}开，检票口{gatecheck}，请凭证件进站乘车。",
        "订单{ticket}，您已办理改签，新车次{train}，{date}{time}{city}站开，{coach}。",
        "订单{ticket}，您已办理退票，应退票款{fee}元，将按规定退回原支付账户。",
        "您候补的{date}{city}至{city2}{train}次车票已兑现成功，订单{ticket}，请及时查看。",
        "因故，您乘坐的{date}{train}次列车预计晚点{n30}分钟，请关注车站公告，合理安排出行。",
        "您购买的{date}{train}次车票将于{time}开车，请预留足够时间安检进站。",
        "订单{ticket}，您已办理变更到站，新到站{city2}，差额{fee}元将退回原支付账户。",
        "您乘坐的{date}{train}次列车在{city}站的检票口变更为{gatecheck}，请注意。",
    };
    /** Airlines: tickets, delays, cancellations, check-in, gates, miles. */
    private static final String[] AIR = {
        "您预订的{date}{city}-{city2}{flight}航班已出票，票号{eticket}，请于起飞前{n45}分钟到达机场。",
        "受天气影响，您乘坐的{date}{flight}航班预计延误，新的起飞时间为{time}，给您带来不便，敬请谅解。",
        "您的{date}{flight}航班已取消，可免费办理改签或全额退票，详询{hotline}。",
        "您乘坐的{flight}航班登机口变更为{gate}，登机时间{time}，请留意。",
        "您的{date}{flight}航班现已开放网上值机，可通过官方App选座。",
        "您的{flight}航班（{city}-{city2}）计划变更，起飞时间由{time}调整为{time2}，请确认是否接受。",
        "您申请的机票退票已处理，票号{eticket}，退款{amount}元将原路退回。",
        "您的{date}{flight}航班已完成值机，座位{seat}，请于起飞前{n45}分钟到达登机口。",
        "您的行李已托运，行李牌号{bagtag}，到达后请在{n30}号转盘提取。",
        "您的常旅客账户有{points}公里里程将于{date}到期，可登录官网查询。",
        "您的{date}{flight}航班已开放在线值机，办理入口：{link}",
    };
    /** Travel agencies: rail, air, hotel, ticket and car-rental bookings. */
    private static final String[] TRAVEL = {
        "您预订的{date}{city}-{city2}{train}次车票已支付成功，订单号{order}，出票后将短信通知。",
        "您预订的{hotel}（{city}{area}店）已确认，入住{date}，共{n3}晚，订单号{order}。",
        "您预订的{date}{city}至{city2}机票已出票，航班{flight}，起飞{time}，请提前{n45}分钟到达机场。",
        "您的订单{order}已取消，退款{amount}元预计{n3}个工作日内到账。",
        "您预订的{hotel}今日14:00后可入住，前台电话{landline}。",
        "您的门票订单{order}已支付成功，入园日期{date}，凭身份证入园。",
        "您预订的{date}{city}租车订单已确认，取车地点{city}{area}门店。",
        "您的行程单已开具，订单号{order}，电子凭证：{link}",
    };
    /** Hotels. */
    private static final String[] HOTEL = {
        "您已成功预订{city}{area}店{roomtype}，入住日期{date}，房费{amount}元，房间保留至当晚18:00。",
        "您已办理入住，房号{roomno}，Wi-Fi密码{code8}，退房时间为次日12:00。",
        "您已完成退房，本次消费{amount}元，电子发票将发送至您预留的邮箱。",
        "您的预订订单{order}已取消，如已付款将在{n3}个工作日内原路退回。",
        "您预订的{date}入住已确认，酒店地址：{city}{road}{small}号，前台电话{landline}。",
    };
    /** Hospitals: appointments, reminders, results ready, cancellations. */
    private static final String[] HOSPITAL = {
        "您已成功预约{date}{ampm}{dept}{doctor}的号，就诊序号{n30}，请于就诊前{n30}分钟到院签到。",
        "您预约的{date}{time}{dept}门诊即将开始，请携带身份证或医保卡到{floor}候诊。",
        "您于{date}在我院所做的检验报告已出，可在医院公众号查询或到自助机打印。",
        "您预约的{date}{dept}号源已取消，挂号费{small2}元将原路退回。",
        "{mname}，您的体检报告已生成，可凭体检编号{order}在线查询。",
        "您的住院预交金余额不足{fee}元，请及时到住院收费处补缴。",
        "您预约的{date}核磁共振检查时间为{time}，请提前{n30}分钟到{floor}登记，检查前请去除金属物品。",
        "您在{dept}的复诊时间为{date}，请按时就诊。",
        "您的处方药已由药房寄出，快递单号{waybill}，请注意查收。",
        "您的检查报告已出，可通过以下链接查询：{link}",
    };
    /** Schools: parents, admission, grades, fees. */
    private static final String[] SCHOOL = {
        "{grade}{classno}家长：本周五{meeting}召开家长会，请准时参加。",
        "您的孩子{mname}已于{time}到校。",
        "本学期期末考试安排在{date}至{date2}，请督促孩子合理安排复习。",
        "请于{date}前在线缴纳本学期住宿费{fee}元。",
        "您已被我校{major}专业录取，录取通知书已通过EMS寄出，邮件号{emsno}。",
        "{mname}同学本学期的成绩已发布，请登录教务系统查询。",
    };
    /** Exam authorities. */
    private static final String[] EXAM = {
        "您报名的{exam}准考证已开放打印，请于{date}前登录报名网站打印。",
        "{year}年{exam}成绩已公布，请登录报名网站查询。",
        "您的{exam}报名信息已审核通过，请于{date}前完成缴费。",
        "您的{exam}考点为{school}，考试时间{date}{time}，请携带准考证及身份证按时参加。",
        "您的{exam}证书已制作完成，可于{date}起凭身份证领取。",
        "{exam}成绩查询入口已开通：{link}",
    };
    /** Social security (人社). */
    private static final String[] SOCIAL = {
        "您{month}的社会保险费{fee}元已缴纳成功，可登录{city}人社App查询缴费记录。",
        "您的社会保障卡已制作完成，请于{date}后携带身份证到{area}社保服务网点领取。",
        "您的养老保险待遇资格认证将于{date}到期，请及时通过手机完成认证。",
        "您申请的失业保险金已审核通过，{month}起按月发放至您的社保卡。",
    };
    /** Housing provident fund (公积金). */
    private static final String[] HOUSING_FUND = {
        "您的住房公积金账户{month}汇缴{fee}元，当前余额{balance}元。",
        "您的公积金提取申请已办结，提取金额{amount}元已转入尾号{tail4}的银行卡。",
        "您的公积金贷款本月应还{amount}元已于{date}扣款成功。",
    };
    /** Tax. */
    private static final String[] TAX = {
        "您的{year}年度个人所得税综合所得汇算退税{fee}元已办理，请留意银行卡到账情况。",
        "您的{year}年度个人所得税综合所得汇算已申报成功，请登录个人所得税App查看办理进度。",
        "您申请开具的个人所得税纳税记录已生成，可在个人所得税App下载。",
    };
    /** Traffic administration. */
    private static final String[] TRAFFIC = {
        "您的机动车{plate}检验有效期将于{date}届满，请及时申领检验标志。",
        "您的机动车驾驶证将于{date}有效期满，请在期满前九十日内申请换证。",
        "您的机动车{plate}于{date}在{road}有一条交通违法记录，请及时处理。",
        "您于{date}预约的{exam2}考试已成功，考场：{city}{area}考场，请按时参加。",
    };
    /** Other government services. */
    private static final String[] GOV = {
        "您反映的问题（工单号{order}）已转办至相关部门，处理结果将以短信告知。",
        "您的居住证已办理完成，请于{date}后到{area}派出所领取。",
        "您申请的出入境证件已签发，可选择邮寄或到受理点领取。",
        "您预约的{date}{time}婚姻登记已成功，请携带双方身份证、户口簿按时到场。",
        "您的不动产登记申请已受理，受理号{order}，预计{n3}个工作日办结。",
    };
    /** Courts. */
    private static final String[] COURT = {
        "您的案件{caseno}定于{date}{time}在第{n10}法庭开庭，请按时到庭。",
        "您的案件{caseno}相关诉讼文书已电子送达，请登录人民法院在线服务平台查看。",
        "您的案件{caseno}执行款{amount}元已发放，请注意查收。",
    };
    /** Weather and emergency notices. */
    private static final String[] WEATHER = {
        "{city}市气象台{date}{time}发布{hazard}{level}预警信号，请注意防范。",
        "预计今天夜间到明天，我市将出现{hazard}天气，请减少外出，注意出行安全。",
        "明天{city}{weather}，气温{tlow}至{thigh}℃，请注意增减衣物。",
        "受强降雨影响，请远离河道、低洼地带，注意防范山洪和地质灾害。",
        "受台风影响，{date}全市中小学停课一天，请家长做好安排。",
        "{city}市气象台已解除{hazard}预警信号。",
    };
    /** Electricity. */
    private static final String[] POWER = {
        "您的户号{account}{month}电量{kwh}度，电费{fee}元，请于{date}前缴纳。",
        "您的电费账户余额已不足{small2}元，为避免停电请及时缴费。",
        "因线路检修，{date}{time}至{time2}{road}一带将暂停供电，给您带来不便敬请谅解。",
        "您的户号{account}已缴费{fee}元，当前账户余额{phonebal}元。",
    };
    /** Water. */
    private static final String[] WATER = {
        "您的户号{account}本期用水{tons}吨，应缴水费{fee}元，请于{date}前缴纳。",
        "因管网维修，{date}{time}至{time2}{road}周边将停水，请提前储水。",
        "您的水费{fee}元已缴纳成功，户号{account}。",
    };
    /** Gas. */
    private static final String[] GAS = {
        "您的燃气账户本期应缴{fee}元，请于{date}前缴纳。",
        "您的燃气表剩余气量不足{m3}立方米，请及时购气。",
        "我司将于{date}对{estate}进行燃气安全检查，请家中留人配合。",
        "您的燃气费{fee}元已缴费成功，户号{account}。",
    };
    /** Property management. */
    private static final String[] PROPERTY = {
        "{building}{roomno}业主：您{month}物业费{fee}元已出账，请于{date}前缴纳。",
        "因设备检修，{date}{time}至{time2}{building}电梯暂停使用，请谅解。",
        "您有快递暂存在物业前台，请尽快领取。",
        "您报修的事项已安排，维修师傅将于{date}{time}上门。",
        "{estate}将于{date}进行二次供水水箱清洗，期间可能出现短时停水。",
        "您的访客{mname}已登记，通行码{code6}，{date}当日有效。",
    };
    /** Insurance. */
    private static final String[] INSURANCE = {
        "您投保的{insproduct}已生效，保单号{policy}，保障期间至{date}。",
        "您的保单{policy}本期保费{amount}元将于{date}从尾号{tail4}账户扣缴，请确保余额充足。",
        "您的理赔申请（案件号{order}）已结案，赔款{amount}元已支付至尾号{tail4}账户。",
        "您的理赔资料已收到，我们将在{n3}个工作日内完成审核。",
        "您的车险将于{date}到期，请及时办理续保。",
        "您的保单{policy}续期保费{amount}元已缴费成功。",
        "您的保单{policy}已进入宽限期，请于{date}前缴纳保费，以免保单效力中止。",
        "您的车辆{plate}出险报案已受理，报案号{order}，查勘员{mname}将与您联系。",
    };
    /** Securities: trades, allotments, dividends, transfers. */
    private static final String[] STOCK = {
        "您的账户{date}买入{stock}（{stockcode}）{shares}股，成交价{price}元。",
        "您的账户{date}卖出{stock}{shares}股，成交均价{price}元，成交金额{amount}元。",
        "您申购的新股{ipo}（{ipocode}）中签{shares}股，请于{date}日终确保资金账户有足额资金缴款。",
        "您持有的{stock}于{date}派发现金红利，每10股派{div10}元，已划入资金账户。",
        "您的证券账户于{date}{time}在新设备登录，如非本人操作请及时修改密码。",
        "您的资金账户{date}银证转入{amount}元，可用资金{balance}元。",
        "您的{stock}委托已撤单，撤单数量{shares}股。",
        "您的风险承受能力评估结果将于{date}过期，请及时重新评估。",
        "您申购的{ipo}转债中签{n10}张，请于{date}日终确保账户资金充足。",
    };
    /** Funds: purchases, redemptions, dividends, regular investment. */
    private static final String[] FUNDS = {
        "您于{date}申购的{fund}（{fundcode}）已确认，确认份额{units}份，确认金额{amount}元。",
        "您于{date}办理的{fund}赎回业务已确认，赎回份额{units}份，到账金额{amount}元。",
        "您的{fund}定投计划本期已扣款{fee}元，扣款账户尾号{tail4}。",
        "您持有的{fund}于{date}分红，每份派发{unitdiv}元，红利已发放至您的账户。",
        "您的{fund}赎回款{amount}元已划至尾号{tail4}的银行卡，请注意查收。",
        "您的{fund}定投计划因账户余额不足扣款失败，请及时处理。",
        "您的{year}年度基金对账单已生成，可登录官网查询。",
    };
    /** Subscriptions and memberships. */
    private static final String[] SUBSCRIPTION = {
        "您的{media}会员将于{date}到期，到期后将自动续费{fee}元，可在设置中关闭自动续费。",
        "您已开通{media}连续包月服务，每月{dom}日自动扣费{small2}元。",
        "您的{media}自动续费{fee}元已扣款成功，会员有效期至{date}。",
        "您已关闭{media}自动续费，当前会员权益有效期至{date}。",
        "您的{media}会员已于{date}到期，会员权益已停止。",
    };
    /** ETC tolls. */
    private static final String[] ETC = {
        "您的车辆{plate}于{date}{time}通行{city}收费站，扣费{fee}元。",
        "您的ETC账户余额不足，为避免影响通行，请及时充值。",
        "您的车辆{plate}于{date}产生通行费合计{fee}元，已从尾号{tail4}账户扣款。",
        "您的ETC设备已激活成功，可正常使用。",
    };
    /** Parking. */
    private static final String[] PARKING = {
        "您的车辆{plate}已于{time}驶入{place}停车场。",
        "您的车辆{plate}于{date}{time}驶离{place}停车场，停车{n10}小时，应付{fee}元，已自动扣费。",
    };

    // ---------------------------------------------------------------- English body templates, by sector

    /** One-time codes. */
    private static final String[] EN_OTP = {
        "Your {enapp} verification code is {code6}. Don't share this code with anyone.",
        "{code6} is your {enapp} security code. It expires in {min} minutes.",
        "Use {code4} as your login code. If you didn't request it, ignore this message.",
        "Your one-time passcode is {code}. It is valid for {min} minutes. Never share it, not even with us.",
        "<#> {code6} is your verification code. {apphash}",
        "{enapp}: Your code is {code6}. Do not share it with anyone. We will never call you to ask for it.",
        "Verification code: {code6}. Use it to reset your password. It expires in {min} minutes.",
        "Your sign-in code is {code}. If you didn't try to sign in, change your password.",
        "{code6} is your code to confirm your new phone number.",
        "Your security code for changing your email address is {code6}.",
        "Enter {code6} to verify your account. This code will expire in {min} minutes.",
        "Your 2-step verification code is {code6}.",
    };
    /** Banks and cards. */
    private static final String[] EN_BANK = {
        "A payment of {enmoney} was made from your card ending {tail4} at {enstore} on {endate}.",
        "Your OTP for the transaction of {enmoney} at {enstore} is {code6}. Valid for {min} mins. Do not share "
            + "this OTP.",
        "You have received {enmoney} from {enname} into your account ending {tail4}.",
        "Your salary of {enmoney} has been credited to account ending {tail4}. Available balance: {enmoney2}.",
        "Card ending {tail4}: a transaction of {enmoney} at {enstore} was declined due to insufficient funds.",
        "Your statement for card ending {tail4} is ready. Amount due: {enmoney}, minimum payment: {enmoney2}, due by "
            + "{endate}.",
        "Reminder: your credit card payment of {enmoney} is due on {endate}.",
        "Your new card ending {tail4} has been posted and should arrive within {n3} working days.",
        "We've received your payment of {enmoney}. Thank you.",
        "A new payee, {enname}, was added to your account on {endate} at {entime}. If this wasn't you, call us on "
            + "{hotline}.",
        "Your transfer of {enmoney} to {enname} was successful. Ref: {enref}.",
        "Your direct debit of {enmoney} to {enbiller} will be taken on {endate}.",
        "Your loan repayment of {enmoney} is due on {endate}. Please make sure there are enough funds in your account.",
    };
    /** Deliveries. */
    private static final String[] EN_DELIVERY = {
        "Your parcel {entrack} is out for delivery today between {entime} and {entime2}.",
        "Your parcel {entrack} has been delivered and left in your safe place.",
        "Sorry we missed you. Your parcel {entrack} will be redelivered on {endate}, or you can collect it from "
            + "{enpoint}.",
        "Your parcel is ready to collect from {enpoint}. Your collection code is {code6}.",
        "Your order {enorder} has been dispatched and will arrive on {endate}.",
        "Your driver {enfirst} will deliver your parcel in about {n30} minutes.",
        "Your parcel {entrack} was delivered at {entime} and signed for by {enlast}.",
        "Your return {entrack} has been received. Your refund will be processed within {n3} working days.",
    };
    /** Airlines. */
    private static final String[] EN_AIR = {
        "Your flight {enflight} to {airport} on {endate} is confirmed. Booking ref {pnr}.",
        "Check-in is now open for flight {enflight} departing {entime} on {endate}.",
        "Flight {enflight} is delayed. New departure time {entime}. We apologise for the inconvenience.",
        "Gate change: flight {enflight} now departs from gate {gate}. Boarding starts at {entime}.",
        "Your flight {enflight} on {endate} has been cancelled. We have rebooked you on {enflight2} at {entime}.",
    };
    /** Hotel and stay bookings. */
    private static final String[] EN_STAY = {
        "Your booking at {enhotel} for {endate} is confirmed. Confirmation number: {enref}.",
        "Reminder: check-in at {enhotel} is from 3pm on {endate}. Your confirmation number is {enref}.",
        "Your booking {enref} has been cancelled. A refund of {enmoney} will be issued within {n3} business days.",
    };
    /** Ride hailing. */
    private static final String[] EN_RIDE = {
        "Your driver {enfirst} is arriving in {n10} min in a {encar} ({enplate}).",
        "Your trip receipt: {enmoney}, charged to card ending {tail4}.",
    };
    /** Food delivery. */
    private static final String[] EN_FOOD = {
        "Your order from {enrest} is on its way. Estimated arrival {entime}.",
        "Your order from {enrest} has been picked up by {enfirst}.",
    };
    /** Clinics and pharmacies. */
    private static final String[] EN_HEALTH = {
        "Reminder: you have an appointment with Dr {enlast} on {endate} at {entime}. To cancel, please call {hotline}.",
        "Your test results are now available. Please log in to the patient portal or call {hotline}.",
        "Your prescription is ready to collect from {enpharmacy}.",
        "Your check-up is booked for {endate} at {entime}. Please arrive 10 minutes early.",
    };
    /** Account security and subscriptions. */
    private static final String[] EN_ACCOUNT = {
        "New sign-in to your account from {endevice} on {endate}. If this wasn't you, secure your account now.",
        "Your password was changed on {endate} at {entime}. If you didn't do this, contact support.",
        "Your phone number has been added to your account. You'll now receive security alerts here.",
        "Your subscription will renew on {endate} for {enmoney}. You can manage it in your account settings.",
        "Your refund of {enmoney} has been processed and should appear within 3 to 5 business days.",
        "Your identity verification was successful. Your account is now fully active.",
    };
    /** Utilities. */
    private static final String[] EN_UTILITY = {
        "Your {enutilkind} bill of {enmoney} is due on {endate}. Account {account}.",
        "Thanks for your meter reading. Your next bill will be issued on {endate}.",
        "Planned works: your {enutilkind} supply may be interrupted on {endate} from {entime} to {entime2}.",
    };
    /** Schools. */
    private static final String[] EN_SCHOOL = {
        "Reminder: parents' evening is on {endate} at {entime}.",
        "School will be closed on {endate} due to severe weather. Please check your email for updates.",
    };

    // ---------------------------------------------------------------- openers and closers

    /** Chinese openers; the empty ones make "no opener" about half of all messages. */
    private static final String[] OPEN_ZH = {
        "", "", "", "", "", "", "", "", "", "尊敬的客户，", "尊敬的客户，", "尊敬的用户：", "尊敬的用户，", "您好，", "您好！",
        "{honor}，", "尊敬的{honor}，", "{honor}您好，",
    };
    /** Openers of apps and shops, which also call people members. */
    private static final String[] OPEN_MEMBER = {
        "", "", "", "", "", "", "", "", "", "", "尊敬的客户，", "尊敬的用户：", "尊敬的用户，", "您好，", "亲爱的会员，",
        "亲爱的用户，", "{honor}，", "尊敬的{honor}，",
    };
    /** Openers of schools. */
    private static final String[] OPEN_PARENT = {"", "", "", "", "", "尊敬的家长：", "家长您好，", "您好，"};
    /** Openers of public notices. */
    private static final String[] OPEN_PUBLIC = {"", "", "", "", "", "", "尊敬的市民：", "市民朋友们，", "您好，"};
    private static final String[] OPEN_EN = {
        "", "", "", "", "", "", "", "Dear Customer, ", "Hi {enfirst}, ", "Hello, ",
    };

    private static final String[] CLOSE_CODE = {
        "如非本人操作请忽略。", "如非本人操作，请忽略本短信。", "【温馨提示】验证码仅用于本人操作，请勿转发他人。",
        "工作人员不会向您索取验证码，谨防诈骗。", "详询{hotline}。",
    };
    private static final String[] CLOSE_ACCOUNT = {
        "如非本人操作请及时修改密码。", "如有疑问请联系客服。", "详询{hotline}。", "【温馨提示】请勿向他人透露账号密码及验证码。",
    };
    private static final String[] CLOSE_BANK = {
        "详询{hotline}。", "如有疑问请致电{hotline}。", "如非本人交易，请及时致电{hotline}。",
        "【温馨提示】请妥善保管卡片及密码，谨防电信诈骗。", "详情可登录手机银行查询。",
    };
    private static final String[] CLOSE_FINANCE = {
        "详询{hotline}。", "如有疑问请致电{hotline}。", "详情可登录App查询。", "【温馨提示】请通过官方渠道办理业务，谨防诈骗。",
    };
    private static final String[] CLOSE_OPERATOR = {
        "详询{hotline}。", "如有疑问请拨打{hotline}。", "发送CXLL至{hotline}可查询流量使用情况。", "回复CXYE可查询话费余额。",
        "【温馨提示】可登录{op}App查询话费及流量详情。",
    };
    private static final String[] CLOSE_DELIVERY = {
        "如有疑问请联系{hotline}。", "【温馨提示】快递员不会以任何理由索要验证码或要求转账。", "感谢您的使用。", "详询{hotline}。",
    };
    private static final String[] CLOSE_SERVICE = {
        "详询{hotline}。", "如有疑问请致电{hotline}。", "感谢您的配合。", "感谢您的使用。",
        "【温馨提示】请妥善保管个人信息，谨防诈骗。", "咨询电话：{hotline}。",
    };
    private static final String[] CLOSE_PUBLIC = {
        "详询{hotline}。", "请关注官方发布的最新信息。", "【温馨提示】请以官方渠道发布的信息为准。",
    };
    private static final String[] CLOSE_EN_CODE = {
        "Never share this code.", "Do not share this code with anyone.", "If this wasn't you, call {hotline}.",
        "We will never ask you for this code.",
    };
    private static final String[] CLOSE_EN = {
        "Questions? Call {hotline}.", "Thank you.", "Need help? Call {hotline}.",
        "If you have any questions, call {hotline}.",
    };
    /** A closer is dropped when the body already says the same thing. */
    private static final String[] CLOSER_MARKERS = {
        "详询", "致电", "拨打", "咨询电话", "如非本人", "温馨提示", "谨防", "查询", "联系", "索取", "泄露", "感谢",
        "call", "Call", "share", "Thank", "wasn't you", "ask",
    };

    // ---------------------------------------------------------------- sectors

    /**
     * Bodies of one sector and how they are wrapped: {@code sign} is the sender (a slot expression, so that it
     * names the bank or courier of the body), {@code hotline} its service number.
     */
    private record Sector(String sign, String hotline, boolean english, String[] openers, String[] closers,
                          String[] bodies) {
    }

    private static final Sector[] SECTORS = {
        zh("{app}", "{line400}", OPEN_MEMBER, CLOSE_CODE, OTP_APP),
        zh("{bank}", "{bankline}", OPEN_ZH, CLOSE_CODE, OTP_BANK),
        zh("{app}", "{line400}", OPEN_MEMBER, CLOSE_ACCOUNT, ACCOUNT),
        zh("{bank}", "{bankline}", OPEN_ZH, CLOSE_BANK, BANK),
        zh("{cardsign}", "{bankline}", OPEN_ZH, CLOSE_BANK, CREDIT),
        zh("{bank}", "{bankline}", OPEN_ZH, CLOSE_FINANCE, LOAN),
        zh("{pay}", "{payline}", OPEN_ZH, CLOSE_FINANCE, PAY),
        zh("{op}", "{opline}", OPEN_ZH, CLOSE_OPERATOR, OPERATOR),
        zh("{courier}", "{courierline}", OPEN_ZH, CLOSE_DELIVERY, COURIER),
        zh("{station}", "{line400}", OPEN_ZH, CLOSE_DELIVERY, STATION),
        zh("{shop}", "{line400}", OPEN_MEMBER, CLOSE_SERVICE, SHOP),
        zh("{food}", "{line400}", OPEN_MEMBER, CLOSE_SERVICE, FOOD),
        zh("{ride}", "{line400}", OPEN_MEMBER, CLOSE_SERVICE, RIDE),
        zh("铁路12306", "12306", OPEN_ZH, CLOSE_SERVICE, RAIL),
        zh("{airline}", "{airlineline}", OPEN_ZH, CLOSE_SERVICE, AIR),
        zh("{ota}", "{otaline}", OPEN_MEMBER, CLOSE_SERVICE, TRAVEL),
        zh("{hotel}", "{line400}", OPEN_MEMBER, CLOSE_SERVICE, HOTEL),
        zh("{hospital}", "{landline}", OPEN_ZH, CLOSE_SERVICE, HOSPITAL),
        zh("{school}", "{landline}", OPEN_PARENT, CLOSE_SERVICE, SCHOOL),
        zh("{examorg}", "{landline}", OPEN_ZH, CLOSE_SERVICE, EXAM),
        zh("{city}人社", "12333", OPEN_ZH, CLOSE_SERVICE, SOCIAL),
        zh("{city}公积金", "12329", OPEN_ZH, CLOSE_SERVICE, HOUSING_FUND),
        zh("{city}税务", "12366", OPEN_ZH, CLOSE_SERVICE, TAX),
        zh("交管12123", "{landline}", OPEN_ZH, CLOSE_SERVICE, TRAFFIC),
        zh("{city}政务服务", "12345", OPEN_ZH, CLOSE_SERVICE, GOV),
        zh("{court}", "12368", OPEN_ZH, CLOSE_SERVICE, COURT),
        zh("{city}气象", "12121", OPEN_PUBLIC, CLOSE_PUBLIC, WEATHER),
        zh("{power}", "95598", OPEN_ZH, CLOSE_SERVICE, POWER),
        zh("{water}", "{landline}", OPEN_ZH, CLOSE_SERVICE, WATER),
        zh("{gas}", "{landline}", OPEN_ZH, CLOSE_SERVICE, GAS),
        zh("{propco}", "{landline}", OPEN_ZH, CLOSE_SERVICE, PROPERTY),
        zh("{insurer}", "{insurerline}", OPEN_ZH, CLOSE_FINANCE, INSURANCE),
        zh("{broker}", "{brokerline}", OPEN_ZH, CLOSE_FINANCE, STOCK),
        zh("{fundco}", "{line400}", OPEN_ZH, CLOSE_FINANCE, FUNDS),
        zh("{media}", "{line400}", OPEN_MEMBER, CLOSE_SERVICE, SUBSCRIPTION),
        zh("{etc}", "{line400}", OPEN_ZH, CLOSE_SERVICE, ETC),
        zh("{city}智慧停车", "{landline}", OPEN_ZH, CLOSE_SERVICE, PARKING),
        en("{enapp}", EN_OTP, CLOSE_EN_CODE),
        en("{enbank}", EN_BANK, CLOSE_EN),
        en("{encourier}", EN_DELIVERY, CLOSE_EN),
        en("{enairline}", EN_AIR, CLOSE_EN),
        en("{enstay}", EN_STAY, CLOSE_EN),
        en("{enride}", EN_RIDE, CLOSE_EN),
        en("{enfood}", EN_FOOD, CLOSE_EN),
        en("{enclinic}", EN_HEALTH, CLOSE_EN),
        en("{enapp}", EN_ACCOUNT, CLOSE_EN),
        en("{enutil}", EN_UTILITY, CLOSE_EN),
        en("{enschool}", EN_SCHOOL, CLOSE_EN),
    };
    /** All bodies, sector by sector, and the sector of each. */
    private static final String[] BODIES;
    private static final Sector[] SECTOR_OF;

    static {
        final List<String> bodies = new ArrayList<>();
        final List<Sector> sectors = new ArrayList<>();
        for (final Sector s : SECTORS) {
            for (final String body : s.bodies()) {
                bodies.add(body);
                sectors.add(s);
            }
        }
        BODIES = bodies.toArray(new String[0]);
        SECTOR_OF = sectors.toArray(new Sector[0]);
    }

    private SyntheticNotices() {
    }

    private static Sector zh(final String sign, final String hotline, final String[] openers, final String[] closers,
                             final String[] bodies) {
        return new Sector(sign, hotline, false, openers, closers, bodies);
    }

    private static Sector en(final String sign, final String[] bodies, final String[] closers) {
        return new Sector(sign, "{enline}", true, OPEN_EN, closers, bodies);
    }

    /**
     * {@code n} messages, the same for the same seed. Every run of {@link #templates()} messages from the start
     * uses each body template once, in an order shuffled per run, so any {@code n} samples the sectors evenly.
     */
    public static List<String> generate(final long seed, final int n) {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> out = new ArrayList<>(n);
        final int[] order = new int[BODIES.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n; i++) {
            final int k = i % order.length;
            if (k == 0) {
                Shuffle.shuffle(order, random);
            }
            out.add(message(order[k], random));
        }
        return out;
    }

    /** How many distinct body templates there are. */
    public static int templates() {
        return BODIES.length;
    }

    /** Body template {@code template} as written, slots unfilled (for tests). */
    static String body(final int template) {
        return BODIES[template];
    }

    /** One message from body template {@code template}: filled, with opener, closer and signature. */
    static String message(final int template, final SplittableRandom r) {
        final Sector sector = SECTOR_OF[template];
        final Ctx c = new Ctx(r, sector);
        final String raw = BODIES[template];
        final String body = fill(raw, c);
        return sector.english() ? english(raw, body, c) : chinese(raw, body, c);
    }

    /**
     * A Chinese notice carries one more body of its sector (a bill and then a balance, a delivery and then its pickup
     * code) with this probability, again up to {@link #MAX_EXTRA_BODIES} times. Real notices run long: 15% of
     * {@code zh-inbox}'s train-split notices have over 140 characters, single-body synthetic ones 1.6% (7.4% with
     * these), and a model that learns long Chinese text only from adverts reads a long notice as one.
     */
    static final int EXTRA_BODY_PERCENT = 40;
    static final int MAX_EXTRA_BODIES = 3;

    private static String chinese(final String raw, final String body, final Ctx c) {
        final SplittableRandom r = c.r;
        final String opener = raw.startsWith("{") ? "" : fill(pick(c.sector.openers(), r), c);
        String text = opener + body;
        for (int extra = 0; extra < MAX_EXTRA_BODIES && r.nextInt(100) < EXTRA_BODY_PERCENT; extra++) {
            final String next = pick(c.sector.bodies(), r);
            if (!next.equals(raw)) {
                text += (endsSentence(text) ? "" : "。") + fill(next, c);
            }
        }
        final String closer = closer(text, c);
        if (!closer.isEmpty()) {
            if (!endsSentence(text)) {
                text += text.charAt(text.length() - 1) < 128 ? " " : "。";
            }
            text += closer;
        }
        if (r.nextInt(100) < 10) {
            text = text.replace('，', ',').replace('：', ':').replace('（', '(').replace('）', ')');
        }
        if (r.nextInt(100) < 8 && text.endsWith("。")) {
            text = text.substring(0, text.length() - 1);
        }
        final String sign = "【" + fill(c.sector.sign(), c) + "】";
        final int where = r.nextInt(100);
        return where < 60 ? sign + text : where < 85 ? text + sign : text;
    }

    private static String english(final String raw, final String body, final Ctx c) {
        final SplittableRandom r = c.r;
        final String opener = lowerFirstWord(raw).equals(raw) ? "" : fill(pick(c.sector.openers(), r), c);
        String text = opener.isEmpty() ? body : opener + lowerFirstWord(body);
        final String closer = raw.startsWith("<#>") ? "" : closer(body, c);
        if (!closer.isEmpty()) {
            text += (endsSentence(text) ? " " : ". ") + closer;
        }
        final String sign = fill(c.sector.sign(), c);
        final int where = r.nextInt(100);
        if (text.startsWith(sign) || where >= 65) {
            return text;
        }
        return where < 50 ? sign + ": " + text : text + " - " + sign;
    }

    /** A closer of the sector, or none (about 45%), or none when the body already says the same thing. */
    private static String closer(final String body, final Ctx c) {
        if (c.r.nextInt(100) < 45) {
            return "";
        }
        final String closer = fill(pick(c.sector.closers(), c.r), c);
        for (final String marker : CLOSER_MARKERS) {
            if (closer.contains(marker) && body.contains(marker)) {
                return "";
            }
        }
        final String hotline = fill("{hotline}", c);
        return closer.contains(hotline) && body.contains(hotline) ? "" : closer;
    }

    private static boolean isAsciiDigit(final char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isAsciiLetter(final char ch) {
        return ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z';
    }

    private static boolean endsSentence(final String text) {
        if (text.isEmpty()) {
            return true;
        }
        final char last = text.charAt(text.length() - 1);
        return last == '。' || last == '！' || last == '.' || last == '!' || last == '?';
    }

    private static String lowerFirstWord(final String body) {
        for (final String word : new String[] {"Your ", "You ", "We've ", "We "}) {
            if (body.startsWith(word)) {
                return Character.toLowerCase(body.charAt(0)) + body.substring(1);
            }
        }
        return body;
    }

    // ---------------------------------------------------------------- slot filling

    /** The state of one message: its random source, sector and the entity values chosen so far. */
    private static final class Ctx {
        private final SplittableRandom r;
        private final Sector sector;
        private final Map<String, String> values = new HashMap<>();
        /** The last date (month * 100 + day) and time (minute of day) filled, for a later one to follow. */
        private int lastDate = -1;
        private int lastTime = -1;

        private Ctx(final SplittableRandom r, final Sector sector) {
            this.r = r;
            this.sector = sector;
        }

        /** The value of {@code key} in this message, made by {@code make} the first time. */
        private String once(final String key, final Supplier<String> make) {
            String value = values.get(key);
            if (value == null) {
                value = make.get();
                values.put(key, value);
            }
            return value;
        }

        /** A row of {@code table} for {@code key}, the same row all through this message. */
        private String[] row(final String key, final String[][] table) {
            return table[Integer.parseInt(once(key, () -> String.valueOf(r.nextInt(table.length))))];
        }

        private int region() {
            return Integer.parseInt(once("region", () -> String.valueOf(r.nextInt(3))));
        }
    }

    /** Fills the slots of {@code template}; a number or code that would run into a preceding digit gets a space. */
    private static String fill(final String template, final Ctx c) {
        final StringBuilder b = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            final char ch = template.charAt(i);
            if (ch == '{') {
                final int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed slot in " + template);
                }
                final String raw = slot(template.substring(i + 1, end), c);
                final String value = raw.indexOf('{') >= 0 ? fill(raw, c) : raw;
                if (!value.isEmpty() && !b.isEmpty() && isAsciiDigit(b.charAt(b.length() - 1))
                    && (isAsciiDigit(value.charAt(0)) || isAsciiLetter(value.charAt(0)))) {
                    b.append(' ');
                }
                b.append(value);
                i = end + 1;
            } else {
                b.append(ch);
                i++;
            }
        }
        return b.toString();
    }

    private static String slot(final String name, final Ctx c) {
        final SplittableRandom r = c.r;
        return switch (name) {
            // the message's sender and service number
            case "hotline" -> c.once("hotline", () -> fill(c.sector.hotline(), c));
            case "line400" -> c.once("line400", () -> "400-" + (1 + r.nextInt(9)) + digits(2, r) + "-" + digits(4, r));
            case "landline" -> c.once("landline", () -> c.row("city", CITIES)[3] + "-" + (2 + r.nextInt(8))
                + digits(c.row("city", CITIES)[3].length() == 3 ? 7 : 6 + r.nextInt(2), r));
            // places
            case "city" -> c.row("city", CITIES)[0];
            case "province" -> c.row("city", CITIES)[1];
            case "city2" -> c.once("city2", () -> {
                final int first = Integer.parseInt(c.once("city", () -> String.valueOf(r.nextInt(CITIES.length))));
                return CITIES[(first + 1 + r.nextInt(CITIES.length - 1)) % CITIES.length][0];
            });
            case "area" -> c.once("area", () -> pick(AREAS, r));
            case "road" -> c.once("road", () -> pick(ROADS, r));
            case "estate" -> c.once("estate", () -> pick(ESTATES, r));
            case "door" -> c.once("door", () -> pick(GATES, r));
            case "building" -> c.once("building", () -> (1 + r.nextInt(30)) + "栋" + (1 + r.nextInt(4)) + "单元");
            case "roomno" -> c.once("roomno", () -> (1 + r.nextInt(32))
                + String.format(Locale.ROOT, "%02d", 1 + r.nextInt(8)));
            case "place" -> pick(PLACES, r);
            case "abroad" -> pick(ABROAD, r);
            // senders and other organisations
            case "app" -> c.once("app", () -> pick(APPS, r));
            case "bank" -> c.row("bank", BANKS)[0];
            case "bankline" -> c.row("bank", BANKS)[1];
            case "cardsign" -> r.nextInt(3) == 0 ? "{bank}信用卡" : "{bank}";
            case "pay" -> c.row("pay", PAYS)[0];
            case "payline" -> c.row("pay", PAYS)[1];
            case "op" -> c.row("op", OPERATORS)[0];
            case "opline" -> c.row("op", OPERATORS)[1];
            case "courier" -> c.row("courier", COURIERS)[0];
            case "courierline" -> c.row("courier", COURIERS)[1];
            case "station" -> c.once("station", () -> pick(STATIONS, r));
            case "locker" -> c.once("locker", () -> pick(LOCKERS, r));
            case "shop" -> c.once("shop", () -> pick(SHOPS, r));
            case "food" -> c.once("food", () -> pick(FOODS, r));
            case "ride" -> c.once("ride", () -> pick(RIDES, r));
            case "ota" -> c.row("ota", OTAS)[0];
            case "otaline" -> c.row("ota", OTAS)[1].isEmpty() ? "{line400}" : c.row("ota", OTAS)[1];
            case "airline" -> c.row("airline", AIRLINES)[0];
            case "airlineline" -> c.row("airline", AIRLINES)[1];
            case "hotel" -> c.once("hotel", () -> pick(HOTELS, r));
            case "hospital" -> c.once("hospital", () -> pick(HOSPITALS, r));
            case "school" -> c.once("school", () -> pick(SCHOOLS, r));
            case "examorg" -> c.once("examorg", () -> pick(EXAM_ORGS, r));
            case "court" -> c.once("court", () -> r.nextBoolean() ? "{city}市中级人民法院" : "{city}市{area}人民法院");
            case "power" -> c.once("power", () -> pick(new String[] {"国家电网", "南方电网", "国网{city}供电公司"}, r));
            case "water" -> c.once("water", () -> pick(new String[] {"{city}水务", "{city}自来水", "{city}供水"}, r));
            case "gas" -> c.once("gas", () -> pick(new String[] {"{city}燃气", "华润燃气", "港华燃气", "新奥燃气"}, r));
            case "propco" -> c.once("propco", () -> pick(PROPCOS, r));
            case "insurer" -> c.row("insurer", INSURERS)[0];
            case "insurerline" -> c.row("insurer", INSURERS)[1];
            case "broker" -> c.row("broker", BROKERS)[0];
            case "brokerline" -> c.row("broker", BROKERS)[1].isEmpty() ? "{line400}" : c.row("broker", BROKERS)[1];
            case "fundco" -> c.once("fundco", () -> pick(FUND_COS, r));
            case "media" -> c.once("media", () -> pick(MEDIA, r));
            case "etc" -> c.once("etc", () -> pick(ETCS, r));
            case "store" -> pick(STORES, r);
            case "restaurant" -> c.once("restaurant", () -> pick(RESTAURANTS, r));
            // people and contacts
            case "surname" -> pick(SURNAMES, r);
            case "honor" -> pick(SURNAMES, r) + (r.nextBoolean() ? "先生" : "女士");
            case "mname" -> maskedName(r);
            case "mphone" -> "1" + (3 + r.nextInt(7)) + r.nextInt(10) + "****" + digits(4, r);
            case "mobile" -> "1" + (3 + r.nextInt(7)) + digits(9, r);
            case "email" -> (char) ('a' + r.nextInt(26)) + "" + (char) ('a' + r.nextInt(26)) + "***@"
                + pick(EMAIL_DOMAINS, r);
            case "device" -> pick(DEVICES, r);
            case "link" -> "https://" + pick(LINK_HOSTS, r) + "/" + alnum(6 + r.nextInt(3), r);
            // codes and numbers
            case "code" -> digits(pick(new int[] {4, 5, 6, 6, 6, 6, 8}, r), r);
            case "code4" -> digits(4, r);
            case "code6" -> digits(6, r);
            case "code8" -> digits(8, r);
            case "min" -> String.valueOf(pick(new int[] {2, 3, 5, 5, 10, 10, 15, 30}, r));
            case "hours" -> String.valueOf(pick(new int[] {12, 24, 48, 72}, r));
            case "openhours" -> pick(new String[] {"08:00-20:00", "09:00-21:00", "07:30-22:00", "08:30-19:30"}, r);
            case "meeting" -> pick(new String[] {"下午14:30", "下午15:00", "下午16:00", "晚上19:00", "下午3点"}, r);
            case "tail4" -> c.once("tail4", () -> digits(4, r));
            case "tail4b" -> digits(4, r);
            case "order" -> c.once("order", () -> digits(12 + r.nextInt(8), r));
            case "account" -> c.once("account", () -> digits(10 + r.nextInt(3), r));
            case "waybill" -> c.once("waybill", () -> {
                final String[] courier = c.row("courier", COURIERS);
                return courier[2] + digits(Integer.parseInt(courier[3]), r);
            });
            case "emsno" -> "1" + digits(12, r);
            case "pickup" -> c.once("pickup", () -> pickup(r));
            case "lockcode" -> digits(r.nextBoolean() ? 6 : 8, r);
            case "plate" -> c.once("plate", () -> c.row("city", CITIES)[2] + pick(PLATE_LETTERS, r)
                + (r.nextInt(4) == 0 ? "D" + digits(5, r) : digits(3, r) + alnumUpper(2, r)));
            case "car" -> c.once("car", () -> pick(CARS, r));
            case "km" -> String.format(Locale.ROOT, "%.1f", 1 + r.nextInt(600) / 10.0);
            case "ticket" -> c.once("ticket", () -> "E" + digits(9, r));
            case "train" -> c.once("train", () -> {
                final String type = pick(TRAIN_TYPES, r);
                return type + (1 + r.nextInt("GDC".contains(type) ? 9999 : 999));
            });
            case "coach" -> r.nextInt(4) == 0
                ? String.format(Locale.ROOT, "%02d车%03d号下铺", 1 + r.nextInt(16), 1 + r.nextInt(66))
                : String.format(Locale.ROOT, "%02d车%02d%s号", 1 + r.nextInt(16), 1 + r.nextInt(20),
                    pick(new String[] {"A", "B", "C", "D", "F"}, r));
            case "gatecheck" -> (1 + r.nextInt(25)) + pick(new String[] {"", "A", "B"}, r);
            case "flight" -> c.once("flight", () -> c.row("airline", AIRLINES)[2] + (1000 + r.nextInt(9000)));
            case "eticket" -> c.once("eticket", () -> c.row("airline", AIRLINES)[3] + "-" + digits(10, r));
            case "seat" -> (1 + r.nextInt(50)) + pick(SEAT_LETTERS, r);
            case "gate" -> r.nextBoolean() ? String.valueOf(1 + r.nextInt(60)) : (char) ('A' + r.nextInt(5)) + ""
                + (1 + r.nextInt(40));
            case "bagtag" -> c.row("airline", AIRLINES)[2] + digits(6, r);
            case "roomtype" -> pick(ROOM_TYPES, r);
            case "dept" -> c.once("dept", () -> pick(DEPTS, r));
            case "doctor" -> maskedName(r) + pick(DOCTOR_TITLES, r);
            case "ampm" -> r.nextBoolean() ? "上午" : "下午";
            case "floor" -> pick(FLOORS, r);
            case "grade" -> pick(GRADES, r);
            case "classno" -> (1 + r.nextInt(12)) + "班";
            case "major" -> pick(MAJORS, r);
            case "exam" -> c.once("exam", () -> pick(EXAMS, r));
            case "exam2" -> pick(new String[] {"科目一", "科目二", "科目三", "科目四"}, r);
            case "caseno" -> c.once("caseno", () -> "（" + year(c) + "）" + c.row("city", CITIES)[2] + "0"
                + (101 + r.nextInt(20)) + pick(new String[] {"民初", "民终", "执", "民特"}, r) + (1 + r.nextInt(30000)) + "号");
            case "insproduct" -> pick(INS_PRODUCTS, r);
            case "policy" -> c.once("policy", () -> digits(15 + r.nextInt(6), r));
            case "stock" -> c.row("stock", STOCKS)[0];
            case "stockcode" -> c.row("stock", STOCKS)[1];
            case "ipo" -> c.once("ipo", () -> pick(IPO_HEADS, r) + pick(IPO_TAILS, r));
            case "ipocode" -> pick(new String[] {"732", "787", "301", "001", "780"}, r) + digits(3, r);
            case "shares" -> String.valueOf(100 * (1 + r.nextInt(50)));
            case "price" -> String.format(Locale.ROOT, "%.2f", 1 + r.nextInt(30000) / 100.0);
            case "div10" -> String.format(Locale.ROOT, "%.2f", logUniform(0.2, 30, r));
            case "fund" -> c.once("fund", () -> fill("{fundco}", c).replace("基金", "") + pick(FUND_THEMES, r)
                + pick(new String[] {"A", "C", ""}, r));
            case "fundcode" -> c.once("fundcode", () -> digits(6, r));
            case "units" -> String.format(Locale.ROOT, "%,.2f", logUniform(10, 200_000, r));
            case "unitdiv" -> String.format(Locale.ROOT, "%.4f", (1 + r.nextInt(800)) / 10_000.0);
            case "memo" -> pick(MEMOS, r);
            case "payee" -> pick(PAYEES, r);
            case "pkg" -> pick(PACKAGES, r);
            case "service" -> c.once("service", () -> pick(SERVICES, r));
            case "product" -> c.once("product", () -> pick(PRODUCTS, r));
            case "hazard" -> c.once("hazard", () -> pick(HAZARDS, r));
            case "level" -> pick(LEVELS, r);
            case "weather" -> pick(WEATHERS, r);
            case "tlow" -> c.once("tlow", () -> String.valueOf(r.nextInt(38) - 10));
            case "thigh" -> String.valueOf(Integer.parseInt(fill("{tlow}", c)) + 3 + r.nextInt(8));
            case "n2" -> String.valueOf(1 + r.nextInt(30));
            case "n3" -> String.valueOf(2 + r.nextInt(6));
            case "n10" -> String.valueOf(2 + r.nextInt(9));
            case "n12" -> String.valueOf(pick(new int[] {3, 6, 12, 24}, r));
            case "n30" -> String.valueOf(pick(new int[] {5, 10, 15, 20, 30}, r));
            case "n45" -> String.valueOf(pick(new int[] {30, 45, 60, 90, 120}, r));
            case "small" -> String.valueOf(1 + r.nextInt(500));
            case "small2" -> String.valueOf(pick(new int[] {5, 10, 20, 30, 50}, r));
            case "recharge" -> String.valueOf(pick(new int[] {30, 50, 100, 200, 300}, r));
            case "pct" -> String.valueOf(pick(new int[] {50, 80, 90, 100}, r));
            case "points" -> String.valueOf(100 + r.nextInt(50_000));
            case "mb" -> String.valueOf(1 + r.nextInt(1024));
            case "gb" -> String.format(Locale.ROOT, "%.2f", logUniform(0.1, 80, r));
            case "minutes" -> String.valueOf(1 + r.nextInt(800));
            case "kwh" -> String.valueOf(20 + r.nextInt(900));
            case "tons" -> String.valueOf(2 + r.nextInt(40));
            case "m3" -> String.valueOf(pick(new int[] {5, 10, 20}, r));
            case "apphash" -> alnum(11, r);
            // money, in the message's own style
            case "amount" -> money(10, 50_000, c);
            case "balance" -> money(10, 500_000, c);
            case "fee" -> money(5, 2_000, c);
            case "phonebal" -> money(0.5, 300, c);
            // dates and times, in the message's own style
            case "date" -> date(c, false);
            case "date2" -> date(c, true);
            case "time" -> time(c, false);
            case "time2" -> time(c, true);
            case "year" -> String.valueOf(year(c));
            case "month" -> (1 + r.nextInt(12)) + "月";
            case "ym" -> year(c) + "年" + (1 + r.nextInt(12)) + "月";
            case "dom" -> String.valueOf(1 + r.nextInt(28));
            // English (the region is chosen once per message: UK, US or Singapore)
            case "enapp" -> c.once("enapp", () -> pick(EN_APPS, r));
            case "enbank" -> c.once("enbank", () -> pick(EN_BANKS[c.region()], r));
            case "encourier" -> c.once("encourier", () -> pick(EN_COURIERS[c.region()], r));
            case "enstore" -> pick(EN_STORES[c.region()], r);
            case "enbiller" -> pick(EN_BILLERS[c.region()], r);
            case "enairline" -> c.row("enairline", EN_AIRLINES[c.region()])[0];
            case "enflight" -> c.once("enflight", () -> c.row("enairline", EN_AIRLINES[c.region()])[1]
                + (10 + r.nextInt(2000)));
            case "enflight2" -> c.row("enairline", EN_AIRLINES[c.region()])[1] + (10 + r.nextInt(2000));
            case "airport" -> pick(EN_AIRPORTS, r);
            case "pnr" -> c.once("pnr", () -> alnumUpper(6, r));
            case "enref" -> c.once("enref", () -> alnumUpper(8, r));
            case "enride" -> c.once("enride", () -> pick(EN_RIDES[c.region()], r));
            case "enfood" -> c.once("enfood", () -> pick(EN_FOODS[c.region()], r));
            case "enrest" -> c.once("enrest", () -> pick(EN_RESTAURANTS, r));
            case "encar" -> pick(EN_CARS, r);
            case "enplate" -> enPlate(c.region(), r);
            case "enclinic" -> c.once("enclinic", () -> pick(EN_CLINICS[c.region()], r));
            case "enpharmacy" -> pick(EN_PHARMACIES[c.region()], r);
            case "enhotel" -> c.once("enhotel", () -> pick(EN_HOTELS[c.region()], r));
            case "enstay" -> c.once("enstay", () -> pick(EN_STAYS, r));
            case "enutil" -> c.row("enutil", EN_UTILITIES[c.region()])[0];
            case "enutilkind" -> c.row("enutil", EN_UTILITIES[c.region()])[1];
            case "enschool" -> c.once("enschool", () -> pick(EN_SCHOOLS[c.region()], r));
            case "enpoint" -> c.once("enpoint", () -> pick(EN_POINTS[c.region()], r));
            case "enfirst" -> pick(EN_FIRST, r);
            case "enlast" -> pick(EN_LAST, r);
            case "enname" -> c.once("enname", () -> pick(EN_FIRST, r) + " " + pick(EN_LAST, r));
            case "endevice" -> pick(EN_DEVICES, r);
            case "entrack" -> c.once("entrack", () -> enTracking(c.region(), r));
            case "enorder" -> c.once("enorder", () -> enOrder(r));
            case "enmoney", "enmoney2" -> enMoney(c);
            case "endate" -> enDate(c);
            case "entime" -> enTime(c, false);
            case "entime2" -> enTime(c, true);
            case "enline" -> c.once("enline", () -> enLine(c.region(), r));
            default -> throw new IllegalArgumentException("unknown slot {" + name + "}");
        };
    }

    // ---------------------------------------------------------------- value makers

    private static String maskedName(final SplittableRandom r) {
        final String surname = pick(SURNAMES, r);
        return switch (r.nextInt(3)) {
            case 0 -> surname + "*";
            case 1 -> surname + "**";
            default -> surname + "*" + pick(GIVEN, r);
        };
    }

    private static String pickup(final SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> (1 + r.nextInt(30)) + "-" + (1 + r.nextInt(6)) + "-" + digits(4, r);
            case 1 -> (char) ('A' + r.nextInt(8)) + "-" + (1 + r.nextInt(6)) + "-" + digits(4, r);
            case 2 -> digits(6, r);
            default -> (1 + r.nextInt(20)) + "-" + digits(4, r);
        };
    }

    /** Money, log-uniform in [lo, hi); the message keeps one style: 1234.56, 1,234.56 or whole yuan. */
    private static String money(final double lo, final double hi, final Ctx c) {
        final double value = logUniform(lo, hi, c.r);
        final int style = Integer.parseInt(c.once("money", () -> String.valueOf(c.r.nextInt(10))));
        if (style < 5) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (style < 8) {
            return String.format(Locale.ROOT, "%,.2f", value);
        }
        return String.valueOf(Math.max(1, Math.round(value)));
    }

    private static double logUniform(final double lo, final double hi, final SplittableRandom r) {
        return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo)));
    }

    private static int year(final Ctx c) {
        return Integer.parseInt(c.once("year", () -> String.valueOf(2019 + c.r.nextInt(7))));
    }

    /**
     * A date in the message's style: 3月8日, 03月08日, 2024年3月8日, 2024-03-08 or 03/08; with {@code after}, a few
     * days after the last one.
     */
    private static String date(final Ctx c, final boolean after) {
        final int style = Integer.parseInt(c.once("dstyle", () -> String.valueOf(c.r.nextInt(5))));
        int month = 1 + c.r.nextInt(12);
        int day = 1 + c.r.nextInt(28);
        if (after && c.lastDate > 0) {
            month = c.lastDate / 100;
            day = c.lastDate % 100 + 1 + c.r.nextInt(5);
            if (day > 28) {
                month = month % 12 + 1;
                day -= 28;
            }
        }
        c.lastDate = month * 100 + day;
        return switch (style) {
            case 0 -> month + "月" + day + "日";
            case 1 -> String.format(Locale.ROOT, "%02d月%02d日", month, day);
            case 2 -> year(c) + "年" + month + "月" + day + "日";
            case 3 -> String.format(Locale.ROOT, "%d-%02d-%02d", year(c), month, day);
            default -> String.format(Locale.ROOT, "%02d/%02d", month, day);
        };
    }

    /** A time in the message's style: 14:05 or 14时05分; with {@code after}, up to a few hours after the last one. */
    private static String time(final Ctx c, final boolean after) {
        final boolean colon = c.once("tstyle", () -> c.r.nextInt(10) < 7 ? "colon" : "cjk").equals("colon");
        final int minutes = minuteOfDay(c, after);
        return String.format(Locale.ROOT, colon ? "%02d:%02d" : "%02d时%02d分", minutes / 60, minutes % 60);
    }

    /** Mostly in waking hours; with {@code after}, 30 minutes to 4 hours after the last time (same day). */
    private static int minuteOfDay(final Ctx c, final boolean after) {
        final int minutes = after && c.lastTime >= 0
            ? Math.min(23 * 60 + 59, c.lastTime + 30 + c.r.nextInt(210))
            : (c.r.nextInt(10) < 8 ? 7 + c.r.nextInt(16) : c.r.nextInt(24)) * 60 + c.r.nextInt(60);
        c.lastTime = minutes;
        return minutes;
    }

    private static String enMoney(final Ctx c) {
        final String amount = String.format(Locale.ROOT, "%,.2f", logUniform(1, 5_000, c.r));
        final boolean symbol = c.once("enmoney", () -> c.r.nextInt(4) == 0 ? "code" : "symbol").equals("symbol");
        return switch (c.region()) {
            case 0 -> (symbol ? "£" : "GBP ") + amount;
            case 1 -> (symbol ? "$" : "USD ") + amount;
            default -> (symbol ? "S$" : "SGD ") + amount;
        };
    }

    /** 5 Mar, 05/03/2024 or 05/03 (UK, Singapore); Mar 5, 03/05/2024 or 03/05 (US). */
    private static String enDate(final Ctx c) {
        final int style = Integer.parseInt(c.once("dstyle", () -> String.valueOf(c.r.nextInt(3))));
        final int month = 1 + c.r.nextInt(12);
        final int day = 1 + c.r.nextInt(28);
        final boolean us = c.region() == 1;
        return switch (style) {
            case 0 -> us ? EN_MONTHS[month - 1] + " " + day : day + " " + EN_MONTHS[month - 1];
            case 1 -> String.format(Locale.ROOT, "%02d/%02d/%d", us ? month : day, us ? day : month, year(c));
            default -> String.format(Locale.ROOT, "%02d/%02d", us ? month : day, us ? day : month);
        };
    }

    /** 14:05 (UK, Singapore) or 2:05 PM (US); with {@code after}, later than the last one. */
    private static String enTime(final Ctx c, final boolean after) {
        final int minutes = minuteOfDay(c, after);
        final int hour = minutes / 60;
        final int minute = minutes % 60;
        if (c.region() != 1) {
            return String.format(Locale.ROOT, "%02d:%02d", hour, minute);
        }
        final int h12 = hour % 12 == 0 ? 12 : hour % 12;
        return String.format(Locale.ROOT, "%d:%02d %s", h12, minute, hour < 12 ? "AM" : "PM");
    }

    private static String enLine(final int region, final SplittableRandom r) {
        return switch (region) {
            case 0 -> pick(new String[] {"0345", "0800", "0330"}, r) + " " + digits(3, r) + " " + digits(4, r);
            case 1 -> "1-800-" + (2 + r.nextInt(8)) + digits(2, r) + "-" + digits(4, r);
            default -> (r.nextBoolean() ? "1800 " + digits(3, r) : "6" + digits(3, r)) + " " + digits(4, r);
        };
    }

    private static String enPlate(final int region, final SplittableRandom r) {
        return switch (region) {
            case 0 -> letters(2, r) + digits(2, r) + " " + letters(3, r);
            case 1 -> (1 + r.nextInt(9)) + letters(3, r) + digits(3, r);
            default -> "S" + letters(2, r) + (1000 + r.nextInt(9000)) + letters(1, r);
        };
    }

    private static String enTracking(final int region, final SplittableRandom r) {
        return switch (region) {
            case 0 -> letters(2, r) + digits(9, r) + "GB";
            case 1 -> r.nextBoolean() ? "1Z" + alnumUpper(6, r) + digits(10, r) : "9400" + digits(18, r);
            default -> "SG" + digits(10, r);
        };
    }

    private static String enOrder(final SplittableRandom r) {
        return r.nextBoolean()
            ? digits(3, r) + "-" + digits(7, r) + "-" + digits(7, r)
            : "#" + digits(6 + r.nextInt(4), r);
    }

    // ---------------------------------------------------------------- small helpers

    private static String pick(final String[] values, final SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    private static int pick(final int[] values, final SplittableRandom r) {
        return values[r.nextInt(values.length)];
    }

    /** {@code n} random decimal digits. */
    static String digits(final int n, final SplittableRandom r) {
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String letters(final int n, final SplittableRandom r) {
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('A' + r.nextInt(26)));
        }
        return b.toString();
    }

    private static String alnum(final int n, final SplittableRandom r) {
        final String chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }

    private static String alnumUpper(final int n, final SplittableRandom r) {
        final String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        final StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(chars.charAt(r.nextInt(chars.length())));
        }
        return b.toString();
    }
}
