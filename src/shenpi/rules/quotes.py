"""The sentences of the seed and the articles of the law that the rule pages quote.

Each is a :class:`~shenpi.rules.notes.Quote`: the source, the Chinese text, a
translation. A quote lives here once, and the rules of every family that rests on it
name it beside their code.
"""

from __future__ import annotations

from shenpi.rules.notes import Quote

S2 = Quote(
    "Seed 二 (工作目标)",
    (
        "承担行政审批事项的各部门(含垂直部门)的行政许可、非行政许可、行政审批和行政事业性收费"
        "项目要全部进入行政服务中心,按照“一门受理、并联审批、统一收费、限时办结”的行政审批模"
        "式进行,实现“大厅之外无审批、大厅之外无收费”"
    ),
    (
        "Every department that handles approval items (vertical departments included) brings "
        "all its licensing, non-licensing approval and administrative fee items into the "
        'administrative service center, to be handled on the model of "one window accepts, '
        "departments approve in parallel, fees are collected in one place, every case is "
        'finished in time", so that there is "no approval outside the hall, no fee outside '
        'the hall".'
    ),
)


S3_2 = Quote(
    "Seed 三(二)",
    (
        "根据国务院取消行政审批项目方案要求和省、市政府关于减放权工作的具体要求,进一步梳理清"
        "理各部门现行的行政许可、非许可审批、收费、年检项目,对项目变动情况予以确认,明确公布进"
        "入行政服务中心审批、收费项目目录。"
    ),
    (
        "Following the State Council's plans for cancelling approval items and the "
        "province's and city's requirements for reducing and delegating powers, sort out "
        "every department's current licensing, non-licensing approval, fee and "
        "annual-inspection items, confirm the changes, and publish the catalogue of approval "
        "and fee items handled in the administrative service center."
    ),
)


S3_3 = Quote(
    "Seed 三(三)",
    ("将本部门各科室所承担的所有审批、收费等项目全部集中到行政审批办公室,集中到行政大厅统一办理。"),
    (
        "All the approval, fee and other items that the department's sections handle are "
        "concentrated in the approval office, and handled together in the hall."
    ),
)


S3_5_ITEMS = Quote(
    "Seed 三(五)",
    (
        "各部门(含分中心)应按要求把全市审批收费项目、办事流程、政策法律依据、审批时限及时报送"
        "行政服务中心,以便统一编程,适应新的审批模式,保证与中心网络平台互联互通、信息共享"
    ),
    (
        "Every department (sub-centers included) reports the city's approval and fee items, "
        "their procedures, their policy and legal basis and their time limits to the "
        "administrative service center in time, so that they can be programmed uniformly for "
        "the new model of approval, and connected to the center's network platform and "
        "shared with it."
    ),
)


S3_5_NET = Quote(
    "Seed 三(五)",
    "打造全市网上咨询、网上受理、网上审批、网上监察、网上投诉的网络体系。",
    (
        "Build a city-wide network for online consultation, online acceptance, online "
        "approval, online supervision and online complaints."
    ),
)


S3_6 = Quote(
    "Seed 三(六)",
    (
        "各部门行政审批办公室组建获批后,凡进入行政服务中心(含分中心)办理的审批项目,除法律、法"
        "规特别规定外,一律启用部门“行政审批专用章”,原使用的行政审批用章同时废止。"
    ),
    (
        "Once a department's approval office is approved, every approval item handled in the "
        "administrative service center (sub-centers included) uses the department's "
        '"dedicated approval seal", except where a law or regulation provides otherwise; the '
        "approval seals used before are abolished at the same time."
    ),
)


S3_7_ENTER = Quote(
    "Seed 三(七)",
    (
        "各部门行政审批办公室组建后,要成建制进入行政服务中心,实现审批机构、工作人员和审批项目"
        "“三进入”"
    ),
    (
        "Once formed, each department's approval office enters the administrative service "
        "center as a whole unit, so that the approval institution, its staff and its "
        'approval items all enter (the "three entries").'
    ),
)


S3_7_MODEL = Quote(
    "Seed 三(七)",
    (
        "使审批办公室成为本部门受理窗口、办理平台、办结出口一体化的实质性工作机构,杜绝“体外循"
        "环”、“前店后厂”等现象"
    ),
    (
        "Make the approval office a working body in substance, in which the department's "
        "window of acceptance, platform of handling and exit of completion are one, and put "
        'an end to "circulation outside the system", "a shop in front and a factory behind" '
        "and the like."
    ),
)


S3_7_TIME = Quote(
    "Seed 三(七)",
    "简化审批程序,减少审批环节,遵守法定时限,兑现承诺时限,提高办事效率。",
    (
        "Simplify the approval procedure, cut the steps of approval, keep the statutory time "
        "limits, honour the promised time limits, and work more efficiently."
    ),
)


S3_9 = Quote(
    "Seed 三(九)",
    (
        "在对行政审批办公室充分授权的基础上,切实加强对行政审批权行使的监督和制约,加大对滥用职"
        "权、以权谋私的监督力度。"
    ),
    (
        "On the basis of full authorization of the approval office, truly strengthen the "
        "supervision and restraint of how the approval power is used, and supervise abuse of "
        "power and its use for private gain more closely."
    ),
)


S5_2 = Quote(
    "Seed 五, phase 2",
    (
        "2、2008年11月16日—11月25日 在市编办的指导下,完成行政审批办公室职能、人员编制的调整和"
        "核定工作"
    ),
    (
        "2. 16-25 November 2008: under the guidance of the city's staffing office, complete "
        "the adjustment and approval of the approval offices' functions and staffing."
    ),
)


S5_4 = Quote(
    "Seed 五, phase 4",
    "4、2008年12月1日—12月10日 各部门行政审批办公室全部进入行政服务中心。",
    (
        "4. 1-10 December 2008: every department's approval office enters the administrative "
        "service center."
    ),
)


S5_5 = Quote(
    "Seed 五, phase 5",
    (
        "行政审批权相对集中改革工作领导小组组织验收。验收内容:机构、人员、职能职责、项目、审"
        "批专用章落实情况;简化后的审批流程和相关制度制定情况。"
    ),
    (
        "The leading group of the reform organises the acceptance check. It checks that the "
        "institution, the staff, the functions and duties, the items and the dedicated "
        "approval seal are in place, and that the simplified approval procedure and the "
        "rules that go with it have been made."
    ),
)


S6_2 = Quote(
    "Seed 六.2",
    (
        "行政审批办公室组建完成后,要按照确定的职能、人员编制调整实施,各部门主要领导要与审批办"
        "主任签订授权委托书,由审批办全权行使本部门的审批权,纳入行政服务中心集中办公"
    ),
    (
        "Once the approval office is formed, the adjustment is carried out according to the "
        "functions and staffing decided; the principal leader of each department signs an "
        "authorization letter with the director of the approval office, so that the office "
        "exercises the department's approval power in full, working together in the "
        "administrative service center."
    ),
)


A30 = Quote(
    "行政许可法 art. 30 ¶1",
    (
        "行政机关应当将法律、法规、规章规定的有关行政许可的事项、依据、条件、数量、程序、期限"
        "以及需要提交的全部材料的目录和申请书示范文本等在办公场所公示。"
    ),
    (
        "An administrative agency shall display at its office the licensing items provided "
        "by laws, regulations and rules, with their basis, conditions, number, procedure and "
        "time limits, the list of all the materials to be submitted, model application forms "
        "and the like."
    ),
)


A32_4 = Quote(
    "行政许可法 art. 32 (4)",
    (
        "申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部"
        "内容，逾期不告知的，自收到申请材料之日起即为受理；"
    ),
    (
        "Where the materials are incomplete or not in the legal form, the agency shall tell "
        "the applicant, on the spot or within five days and at one time, everything that "
        "must be supplemented; if it does not tell in time, the application counts as "
        "accepted from the day the materials were received."
    ),
)


A33 = Quote(
    "行政许可法 art. 33",
    (
        "行政机关应当建立和完善有关制度，推行电子政务，在行政机关的网站上公布行政许可事项，方"
        "便申请人采取数据电文等方式提出行政许可申请；"
    ),
    (
        "Administrative agencies shall set up and improve the systems for it, promote "
        "e-government, publish licensing items on their websites, and make it easy for "
        "applicants to apply by data messages and other means."
    ),
)


A34_2 = Quote(
    "行政许可法 art. 34 ¶2",
    (
        "申请人提交的申请材料齐全、符合法定形式，行政机关能够当场作出决定的，应当当场作出书面"
        "的行政许可决定。"
    ),
    (
        "Where the applicant's materials are complete and in the legal form and the agency "
        "can decide on the spot, it shall make the written licensing decision on the spot."
    ),
)


A39 = Quote(
    "行政许可法 art. 39 ¶1",
    (
        "行政机关作出准予行政许可的决定，需要颁发行政许可证件的，应当向申请人颁发加盖本行政机"
        "关印章的下列行政许可证件："
    ),
    (
        "Where an agency grants a licence that calls for a licence document, it shall issue "
        "the applicant one of the following documents bearing the agency's own seal:"
    ),
)


A42_1 = Quote(
    "行政许可法 art. 42 ¶1",
    (
        "除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政"
        "许可决定。"
    ),
    (
        "Except where a licensing decision can be made on the spot, the agency shall decide "
        "within twenty days of accepting the application."
    ),
)


A42_EXT = Quote(
    "行政许可法 art. 42 ¶1",
    (
        "二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由"
        "告知申请人。"
    ),
    (
        "Where it cannot decide within twenty days, it may, with the approval of the "
        "agency's head, extend the period by ten days, and shall tell the applicant why."
    ),
)


A42_JOINT = Quote(
    "行政许可法 art. 42 ¶2",
    (
        "四十五日内不能办结的，经本级人民政府负责人批准，可以延长十五日，并应当将延长期限的理"
        "由告知申请人。"
    ),
    (
        "(Joint handling:) where it cannot be finished within forty-five days, it may be "
        "extended by fifteen days with the approval of the head of the government at the "
        "same level, and the applicant shall be told why."
    ),
)


A44 = Quote(
    "行政许可法 art. 44",
    (
        "行政机关作出准予行政许可的决定，应当自作出决定之日起十日内向申请人颁发、送达行政许可"
        "证件，或者加贴标签、加盖检验、检测、检疫印章。"
    ),
    (
        "Where an agency grants a licence, it shall issue and deliver the licence document "
        "to the applicant, or affix the label or the seal of testing, inspection or "
        "quarantine, within ten days of the decision."
    ),
)


A45 = Quote(
    "行政许可法 art. 45",
    (
        "行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审"
        "的，所需时间不计算在本节规定的期限内。行政机关应当将所需时间书面告知申请人。"
    ),
    (
        "Where a licensing decision requires by law a hearing, bidding, auction, testing, "
        "inspection, quarantine, appraisal or expert review, the time it takes is not "
        "counted in the periods of this section. The agency shall tell the applicant in "
        "writing how long it takes."
    ),
)


A58 = Quote(
    "行政许可法 art. 58 ¶1",
    (
        "行政机关实施行政许可和对行政许可事项进行监督检查，不得收取任何费用。但是，法律、行政"
        "法规另有规定的，依照其规定。"
    ),
    (
        "An administrative agency shall charge no fee for implementing a licence or for "
        "supervising licensed matters, except where a law or an administrative regulation "
        "provides otherwise."
    ),
)


A59_STD = Quote(
    "行政许可法 art. 59",
    "行政机关实施行政许可，依照法律、行政法规收取费用的，应当按照公布的法定项目和标准收费；",
    (
        "Where an agency charges a fee for a licence under a law or an administrative "
        "regulation, it shall charge by the published statutory items and standards;"
    ),
)


A59_TREASURY = Quote(
    "行政许可法 art. 59",
    "所收取的费用必须全部上缴国库，任何机关或者个人不得以任何形式截留、挪用、私分或者变相私分。",
    (
        "every fee collected shall be paid in full to the treasury, and no agency or person "
        "may withhold, misappropriate or divide it up in any form."
    ),
)


A72_4 = Quote(
    "行政许可法 art. 72 (4)",
    "申请人提交的申请材料不齐全、不符合法定形式，不一次告知申请人必须补正的全部内容的；",
    (
        "(one of the acts the article sanctions:) where the applicant's materials are "
        "incomplete or not in the legal form, not telling the applicant at one time "
        "everything that must be supplemented;"
    ),
)


A74_1 = Quote(
    "行政许可法 art. 74 (1)",
    "对不符合法定条件的申请人准予行政许可或者超越法定职权作出准予行政许可决定的；",
    (
        "(one of the acts the article sanctions:) granting a licence to an applicant who "
        "does not meet the legal conditions, or granting a licence beyond one's legal powers;"
    ),
)


A74_2 = Quote(
    "行政许可法 art. 74 (2)",
    "对符合法定条件的申请人不予行政许可或者不在法定期限内作出准予行政许可决定的；",
    (
        "(one of the acts the article sanctions:) refusing a licence to an applicant who "
        "meets the legal conditions, or not granting it within the legal time limit;"
    ),
)


A75 = Quote(
    "行政许可法 art. 75 ¶1",
    (
        "行政机关实施行政许可，擅自收费或者不按照法定项目和标准收费的，由其上级行政机关或者监"
        "察机关责令退还非法收取的费用；"
    ),
    (
        "Where an agency charges fees for a licence without authority, or not by the "
        "statutory items and standards, its superior agency or the supervisory authority "
        "orders the illegal fees refunded;"
    ),
)


A82 = Quote(
    "行政许可法 art. 82",
    "本法规定的行政机关实施行政许可的期限以工作日计算，不含法定节假日。",
    (
        "The periods this law sets for agencies implementing licences are counted in working "
        "days, not including statutory holidays."
    ),
)
