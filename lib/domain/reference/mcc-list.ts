/**
 * Seed list of merchant category codes (DOMAIN.md §2 MCC). There is no official public UnionPay
 * list (Q/CUP 004—2004 is not published), so this is a reviewed working table:
 * - codes and English names follow ISO 18245 / the card networks' published MCC lists;
 * - Chinese names are the short forms acquirers commonly use, not an official translation;
 * - only codes in everyday use in Chinese acquiring are included; admins add or retire codes.
 *
 * riskLevel is our product policy [P], for the risk signals of DOMAIN.md §5 (e.g. a personal
 * receiving account on a high-risk MCC):
 * - 2 high: cash or cash equivalents and businesses barred or restricted for card acquiring in
 *   China — gambling, money transfer, quasi-cash, stored-value loading, pawn, telemarketing;
 * - 1 medium: prepaid memberships (the "run-off with the deposits" pattern), high-value resalable
 *   goods used for cash-out (jewellery, liquor, tobacco, electronics, cars), night-time
 *   entertainment, catch-all "not elsewhere classified" codes and the fee-free public-welfare codes
 *   that mis-registered merchants hide behind (套码);
 * - 0 low: everything else.
 */
export type TMccRiskLevel = 0 | 1 | 2;
export const MCC_RISK_LEVELS = [0, 1, 2] as const satisfies readonly TMccRiskLevel[];

export type TMccSeed = { code: string; nameZh: string; nameEn: string; riskLevel: TMccRiskLevel };

export const MCC_LIST: readonly TMccSeed[] = [
  // Contractors, transport, telecoms, utilities
  { code: "1520", nameZh: "房屋建筑总承包", nameEn: "General contractors – residential and commercial", riskLevel: 1 },
  { code: "1711", nameZh: "暖通水电安装", nameEn: "Heating, plumbing and air-conditioning contractors", riskLevel: 0 },
  { code: "4111", nameZh: "市内及市郊通勤交通", nameEn: "Local and suburban commuter transport", riskLevel: 0 },
  { code: "4112", nameZh: "铁路客运", nameEn: "Passenger railways", riskLevel: 0 },
  { code: "4121", nameZh: "出租车及网约车", nameEn: "Taxicabs and limousines", riskLevel: 0 },
  { code: "4131", nameZh: "长途汽车客运", nameEn: "Bus lines", riskLevel: 0 },
  { code: "4214", nameZh: "货物运输", nameEn: "Motor freight carriers and trucking", riskLevel: 0 },
  { code: "4215", nameZh: "快递服务", nameEn: "Courier services", riskLevel: 0 },
  { code: "4225", nameZh: "仓储服务", nameEn: "Public warehousing and storage", riskLevel: 0 },
  { code: "4511", nameZh: "航空公司", nameEn: "Airlines and air carriers", riskLevel: 0 },
  { code: "4582", nameZh: "机场服务", nameEn: "Airports, flying fields and terminals", riskLevel: 0 },
  { code: "4722", nameZh: "旅行社", nameEn: "Travel agencies and tour operators", riskLevel: 1 },
  { code: "4784", nameZh: "路桥通行费", nameEn: "Tolls and bridge fees", riskLevel: 0 },
  { code: "4812", nameZh: "通讯设备及手机销售", nameEn: "Telecommunication equipment and telephone sales", riskLevel: 0 },
  { code: "4814", nameZh: "电信服务", nameEn: "Telecommunication services", riskLevel: 0 },
  { code: "4816", nameZh: "网络信息服务", nameEn: "Computer network and information services", riskLevel: 0 },
  { code: "4829", nameZh: "汇款服务", nameEn: "Wire transfers and money orders", riskLevel: 2 },
  { code: "4899", nameZh: "有线及卫星电视", nameEn: "Cable, satellite and other pay television", riskLevel: 0 },
  { code: "4900", nameZh: "水电气公共事业缴费", nameEn: "Utilities – electric, gas, water", riskLevel: 0 },
  // Wholesale
  { code: "5045", nameZh: "计算机及外设批发", nameEn: "Computers, peripherals and software (wholesale)", riskLevel: 1 },
  { code: "5094", nameZh: "贵金属及珠宝批发", nameEn: "Precious stones and metals, watches and jewellery (wholesale)", riskLevel: 1 },
  { code: "5122", nameZh: "药品批发", nameEn: "Drugs, drug proprietaries and druggist sundries (wholesale)", riskLevel: 0 },
  // Home, building
  { code: "5200", nameZh: "家居建材超市", nameEn: "Home supply warehouse stores", riskLevel: 0 },
  { code: "5211", nameZh: "木材及建材", nameEn: "Lumber and building materials stores", riskLevel: 0 },
  { code: "5251", nameZh: "五金商店", nameEn: "Hardware stores", riskLevel: 0 },
  { code: "5261", nameZh: "园艺用品", nameEn: "Nurseries, lawn and garden supply stores", riskLevel: 0 },
  // General retail and food
  { code: "5300", nameZh: "会员制仓储商店", nameEn: "Wholesale clubs", riskLevel: 0 },
  { code: "5309", nameZh: "免税店", nameEn: "Duty-free stores", riskLevel: 0 },
  { code: "5310", nameZh: "折扣商店", nameEn: "Discount stores", riskLevel: 0 },
  { code: "5311", nameZh: "百货商店", nameEn: "Department stores", riskLevel: 0 },
  { code: "5331", nameZh: "杂货店", nameEn: "Variety stores", riskLevel: 0 },
  { code: "5399", nameZh: "其他综合零售", nameEn: "Miscellaneous general merchandise", riskLevel: 0 },
  { code: "5411", nameZh: "超市", nameEn: "Grocery stores and supermarkets", riskLevel: 0 },
  { code: "5422", nameZh: "肉类及冷冻食品", nameEn: "Freezer and locker meat provisioners", riskLevel: 0 },
  { code: "5441", nameZh: "糖果及干果店", nameEn: "Candy, nut and confectionery stores", riskLevel: 0 },
  { code: "5451", nameZh: "乳制品店", nameEn: "Dairy products stores", riskLevel: 0 },
  { code: "5462", nameZh: "面包糕点店", nameEn: "Bakeries", riskLevel: 0 },
  { code: "5499", nameZh: "便利店及其他食品店", nameEn: "Miscellaneous food stores – convenience and specialty", riskLevel: 0 },
  // Vehicles and fuel
  { code: "5511", nameZh: "汽车销售", nameEn: "Car and truck dealers (new and used)", riskLevel: 1 },
  { code: "5521", nameZh: "二手车销售", nameEn: "Car and truck dealers (used only)", riskLevel: 1 },
  { code: "5532", nameZh: "汽车轮胎", nameEn: "Automotive tyre stores", riskLevel: 0 },
  { code: "5533", nameZh: "汽车配件", nameEn: "Automotive parts and accessories stores", riskLevel: 0 },
  { code: "5541", nameZh: "加油站", nameEn: "Service stations", riskLevel: 0 },
  { code: "5542", nameZh: "自助加油", nameEn: "Automated fuel dispensers", riskLevel: 0 },
  { code: "5571", nameZh: "摩托车及电动车", nameEn: "Motorcycle shops and dealers", riskLevel: 0 },
  // Clothing
  { code: "5611", nameZh: "男装店", nameEn: "Men's and boys' clothing stores", riskLevel: 0 },
  { code: "5621", nameZh: "女装店", nameEn: "Women's ready-to-wear stores", riskLevel: 0 },
  { code: "5641", nameZh: "童装及婴儿用品", nameEn: "Children's and infants' wear stores", riskLevel: 0 },
  { code: "5651", nameZh: "服装店", nameEn: "Family clothing stores", riskLevel: 0 },
  { code: "5661", nameZh: "鞋店", nameEn: "Shoe stores", riskLevel: 0 },
  // Home furnishing, electronics
  { code: "5712", nameZh: "家具店", nameEn: "Furniture and home furnishings stores", riskLevel: 0 },
  { code: "5722", nameZh: "家用电器", nameEn: "Household appliance stores", riskLevel: 0 },
  { code: "5732", nameZh: "电子产品商店", nameEn: "Electronics stores", riskLevel: 1 },
  { code: "5734", nameZh: "计算机软件商店", nameEn: "Computer software stores", riskLevel: 0 },
  // Eating and drinking
  { code: "5811", nameZh: "宴会承办", nameEn: "Caterers", riskLevel: 0 },
  { code: "5812", nameZh: "餐馆", nameEn: "Eating places and restaurants", riskLevel: 0 },
  { code: "5813", nameZh: "酒吧及夜总会", nameEn: "Drinking places – bars, taverns, nightclubs", riskLevel: 1 },
  { code: "5814", nameZh: "快餐店", nameEn: "Fast food restaurants", riskLevel: 0 },
  { code: "5816", nameZh: "网络游戏及虚拟商品", nameEn: "Digital goods – games", riskLevel: 1 },
  // Specialty retail
  { code: "5912", nameZh: "药店", nameEn: "Drug stores and pharmacies", riskLevel: 0 },
  { code: "5921", nameZh: "烟酒店（酒类）", nameEn: "Package stores – beer, wine and liquor", riskLevel: 1 },
  { code: "5933", nameZh: "典当行", nameEn: "Pawn shops", riskLevel: 2 },
  { code: "5941", nameZh: "体育用品", nameEn: "Sporting goods stores", riskLevel: 0 },
  { code: "5942", nameZh: "书店", nameEn: "Book stores", riskLevel: 0 },
  { code: "5943", nameZh: "文具及办公用品", nameEn: "Stationery, office and school supply stores", riskLevel: 0 },
  { code: "5944", nameZh: "珠宝首饰及钟表", nameEn: "Jewellery, watch, clock and silverware stores", riskLevel: 1 },
  { code: "5945", nameZh: "玩具及游戏用品", nameEn: "Hobby, toy and game shops", riskLevel: 0 },
  { code: "5947", nameZh: "礼品及工艺品", nameEn: "Gift, card, novelty and souvenir shops", riskLevel: 0 },
  { code: "5960", nameZh: "直销–保险", nameEn: "Direct marketing – insurance services", riskLevel: 1 },
  { code: "5966", nameZh: "直销–电话外呼", nameEn: "Direct marketing – outbound telemarketing", riskLevel: 2 },
  { code: "5967", nameZh: "直销–电话呼入及付费信息", nameEn: "Direct marketing – inbound teleservices", riskLevel: 2 },
  { code: "5968", nameZh: "直销–连续订阅", nameEn: "Direct marketing – continuity and subscription", riskLevel: 1 },
  { code: "5969", nameZh: "其他直销", nameEn: "Direct marketing – other", riskLevel: 1 },
  { code: "5971", nameZh: "画廊及艺术品", nameEn: "Art dealers and galleries", riskLevel: 1 },
  { code: "5972", nameZh: "邮票及钱币", nameEn: "Stamp and coin stores", riskLevel: 1 },
  { code: "5977", nameZh: "化妆品店", nameEn: "Cosmetic stores", riskLevel: 0 },
  { code: "5992", nameZh: "花店", nameEn: "Florists", riskLevel: 0 },
  { code: "5993", nameZh: "烟草制品", nameEn: "Cigar stores and stands", riskLevel: 1 },
  { code: "5995", nameZh: "宠物用品", nameEn: "Pet shops, pet food and supplies", riskLevel: 0 },
  { code: "5999", nameZh: "其他零售", nameEn: "Miscellaneous and specialty retail stores", riskLevel: 1 },
  // Financial
  { code: "6010", nameZh: "金融机构–柜台取现", nameEn: "Financial institutions – manual cash disbursements", riskLevel: 2 },
  { code: "6011", nameZh: "金融机构–自动取款", nameEn: "Financial institutions – automated cash disbursements", riskLevel: 2 },
  { code: "6012", nameZh: "金融机构–商品及服务", nameEn: "Financial institutions – merchandise and services", riskLevel: 1 },
  { code: "6051", nameZh: "准现金（外币兑换等）", nameEn: "Non-financial institutions – quasi-cash, foreign currency", riskLevel: 2 },
  { code: "6211", nameZh: "证券经纪", nameEn: "Security brokers and dealers", riskLevel: 1 },
  { code: "6300", nameZh: "保险", nameEn: "Insurance sales, underwriting and premiums", riskLevel: 0 },
  { code: "6513", nameZh: "房地产中介及租赁", nameEn: "Real estate agents and managers – rentals", riskLevel: 1 },
  { code: "6540", nameZh: "储值卡购买及充值", nameEn: "Non-financial institutions – stored value card purchase and load", riskLevel: 2 },
  // Lodging, personal and business services
  { code: "7011", nameZh: "酒店及度假村", nameEn: "Lodging – hotels, motels, resorts", riskLevel: 0 },
  { code: "7012", nameZh: "分时度假", nameEn: "Timeshares", riskLevel: 1 },
  { code: "7210", nameZh: "洗衣服务", nameEn: "Laundry, cleaning and garment services", riskLevel: 0 },
  { code: "7216", nameZh: "干洗店", nameEn: "Dry cleaners", riskLevel: 0 },
  { code: "7221", nameZh: "照相馆", nameEn: "Photographic studios", riskLevel: 0 },
  { code: "7230", nameZh: "美容美发", nameEn: "Beauty and barber shops", riskLevel: 0 },
  { code: "7261", nameZh: "殡葬服务", nameEn: "Funeral services and crematories", riskLevel: 0 },
  { code: "7273", nameZh: "婚介服务", nameEn: "Dating and escort services", riskLevel: 1 },
  { code: "7278", nameZh: "代购服务", nameEn: "Buying and shopping services and clubs", riskLevel: 1 },
  { code: "7297", nameZh: "按摩保健", nameEn: "Massage parlours", riskLevel: 1 },
  { code: "7298", nameZh: "美容美体及水疗", nameEn: "Health and beauty spas", riskLevel: 1 },
  { code: "7299", nameZh: "其他个人服务", nameEn: "Miscellaneous personal services", riskLevel: 1 },
  { code: "7311", nameZh: "广告服务", nameEn: "Advertising services", riskLevel: 0 },
  { code: "7349", nameZh: "清洁及物业维护", nameEn: "Cleaning, maintenance and janitorial services", riskLevel: 0 },
  { code: "7361", nameZh: "职业中介", nameEn: "Employment agencies and temporary help", riskLevel: 1 },
  { code: "7372", nameZh: "软件开发及数据处理", nameEn: "Computer programming and data processing", riskLevel: 0 },
  { code: "7392", nameZh: "管理咨询及公关", nameEn: "Management, consulting and public relations", riskLevel: 1 },
  { code: "7399", nameZh: "其他商业服务", nameEn: "Business services – other", riskLevel: 1 },
  { code: "7512", nameZh: "汽车租赁", nameEn: "Car rental agencies", riskLevel: 0 },
  { code: "7523", nameZh: "停车场", nameEn: "Parking lots and garages", riskLevel: 0 },
  { code: "7538", nameZh: "汽车维修保养", nameEn: "Automotive service shops", riskLevel: 0 },
  { code: "7542", nameZh: "洗车", nameEn: "Car washes", riskLevel: 0 },
  { code: "7622", nameZh: "电器维修", nameEn: "Electronics repair shops", riskLevel: 0 },
  // Entertainment
  { code: "7832", nameZh: "电影院", nameEn: "Motion picture theatres", riskLevel: 0 },
  { code: "7911", nameZh: "歌舞厅及舞蹈培训", nameEn: "Dance halls, studios and schools", riskLevel: 1 },
  { code: "7922", nameZh: "演出及票务", nameEn: "Theatrical producers and ticket agencies", riskLevel: 0 },
  { code: "7941", nameZh: "体育场馆及俱乐部", nameEn: "Commercial sports, athletic fields and sports clubs", riskLevel: 0 },
  { code: "7991", nameZh: "旅游景点及展览", nameEn: "Tourist attractions and exhibits", riskLevel: 0 },
  { code: "7992", nameZh: "高尔夫球场", nameEn: "Public golf courses", riskLevel: 0 },
  { code: "7994", nameZh: "电子游戏厅", nameEn: "Video game arcades", riskLevel: 1 },
  { code: "7995", nameZh: "博彩", nameEn: "Betting, lottery tickets, casino gaming chips", riskLevel: 2 },
  { code: "7996", nameZh: "游乐园", nameEn: "Amusement parks, carnivals, circuses", riskLevel: 0 },
  { code: "7997", nameZh: "会员制俱乐部（健身等）", nameEn: "Membership clubs – sports, recreation, country clubs", riskLevel: 1 },
  { code: "7999", nameZh: "其他娱乐服务", nameEn: "Recreation services – other", riskLevel: 1 },
  // Health, education, professional, government
  { code: "8011", nameZh: "诊所及医生", nameEn: "Doctors", riskLevel: 0 },
  { code: "8021", nameZh: "牙科", nameEn: "Dentists and orthodontists", riskLevel: 0 },
  { code: "8043", nameZh: "眼镜店", nameEn: "Opticians, optical goods and eyeglasses", riskLevel: 0 },
  { code: "8050", nameZh: "护理及养老机构", nameEn: "Nursing and personal care facilities", riskLevel: 0 },
  { code: "8062", nameZh: "医院", nameEn: "Hospitals", riskLevel: 0 },
  { code: "8071", nameZh: "医学检验", nameEn: "Medical and dental laboratories", riskLevel: 0 },
  { code: "8099", nameZh: "其他医疗服务", nameEn: "Medical services and health practitioners – other", riskLevel: 0 },
  { code: "8111", nameZh: "律师及法律服务", nameEn: "Legal services and attorneys", riskLevel: 0 },
  { code: "8211", nameZh: "中小学校", nameEn: "Elementary and secondary schools", riskLevel: 0 },
  { code: "8220", nameZh: "高等院校", nameEn: "Colleges, universities and professional schools", riskLevel: 0 },
  { code: "8299", nameZh: "培训机构", nameEn: "Schools and educational services – other", riskLevel: 1 },
  { code: "8351", nameZh: "托儿所及幼儿园", nameEn: "Child care services", riskLevel: 0 },
  { code: "8398", nameZh: "慈善及社会公益组织", nameEn: "Charitable and social service organisations", riskLevel: 1 },
  { code: "8641", nameZh: "社会团体", nameEn: "Civic, social and fraternal associations", riskLevel: 0 },
  { code: "8911", nameZh: "建筑及工程设计", nameEn: "Architectural, engineering and surveying services", riskLevel: 0 },
  { code: "8931", nameZh: "会计及审计", nameEn: "Accounting, auditing and bookkeeping services", riskLevel: 0 },
  { code: "8999", nameZh: "其他专业服务", nameEn: "Professional services – other", riskLevel: 0 },
  { code: "9211", nameZh: "法院费用", nameEn: "Court costs, including alimony and child support", riskLevel: 0 },
  { code: "9222", nameZh: "罚款", nameEn: "Fines", riskLevel: 0 },
  { code: "9311", nameZh: "缴税", nameEn: "Tax payments", riskLevel: 0 },
  { code: "9399", nameZh: "其他政府服务", nameEn: "Government services – other", riskLevel: 0 },
  { code: "9402", nameZh: "邮政服务", nameEn: "Postal services – government only", riskLevel: 0 },
];
