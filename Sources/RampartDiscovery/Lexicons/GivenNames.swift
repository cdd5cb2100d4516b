/// Common given names across languages, lower-case ASCII with diacritics folded. A general
/// reference list (popular-name statistics of the US, UK, EU, Latin America, India, China,
/// Japan, Korea, the Arab world, Africa and Russia), not tied to any data set, together with the
/// per-language lists of ``LanguageNames``.
enum GivenNames {
    static let all: Set<String> = Lexicon.words(
        """
        james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
        donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
        nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
        jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
        christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe
        bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
        philip louis liam oliver lucas aiden jackson sebastian caleb owen luke isaac levi julian wyatt hunter connor
        eli landon adrian evan ian colton cameron carter hudson leo nolan miles max luca asher grayson ezra theodore
        mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley
        kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia
        kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel
        carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina
        joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn
        janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana
        natalie brittany charlotte marie kayla alexis lori ava mia harper amelia chloe ella lily zoe nora riley
        aria scarlett layla penelope hazel aurora stella violet savannah audrey claire lucy paisley caroline
        jose maria juan luis carlos jorge miguel pedro manuel francisco antonio javier alejandro fernando ricardo
        rafael diego andres mateo santiago sebastian emiliano gabriel eduardo roberto raul sergio pablo alberto hector
        enrique oscar ramon ruben arturo mario guillermo ignacio joaquin julio cesar victor hugo marco alvaro gonzalo
        rodrigo cristian felipe tomas martin nicolas agustin benjamin lucas thiago joao pedro gustavo leonardo
        guadalupe carmen ana sofia lucia valentina camila isabel gabriela paola daniela ximena mariana fernanda andrea
        alejandra veronica adriana claudia patricia rosa elena laura marta beatriz pilar rocio raquel silvia monica
        natalia paula julia valeria renata regina juana esperanza dolores consuelo luz alba ines lorena catalina
        wei fang jing lei min yong xiu hui jun ying hao na tao xin yan ming qiang mei jian xiaoling li lin chen hong
        ping yu xia lan yun jie bo chao gang hua jia kai long peng qing rui shan tian wen xue yang zhen zhi zhong
        aarav priya rahul ananya vikram kavya arjun deepika rohan sneha sanjay lakshmi amit pooja ravi meera karthik
        divya suresh neha aditya ishaan raj anil sunil vijay ajay rajesh ramesh mahesh ganesh krishna arun ashok
        deepak manoj nitin rakesh sachin vivek anjali aishwarya kiran lata nisha preeti radha rani rekha sita sunita
        usha vidya swati shreya riya isha aditi tanvi arnav vihaan sai reyansh ayaan krish shaurya atharv
        mohammed muhammad mohamed ahmed ahmad fatima aisha omar layla ali mariam hassan hussein nour youssef yusuf
        zainab khalid huda ibrahim salma tariq yasmin karim samir nadia rania hana amira leila mustafa abdullah
        hamza bilal imran faisal rashid walid ziad khadija maryam noor sara salim jamal amal
        lukas anna jonas lena felix leonie maximilian katharina jurgen ursula sven ingrid lars astrid henrik sigrid
        bjorn freya niklas greta hans klaus wolfgang dieter helmut uwe stefan andreas markus tobias florian
        sebastian johannes moritz paul finn ben leon elias emil anton jakob karl fritz otto heinz gunter
        sabine petra monika birgit claudia susanne andrea nicole julia lisa laura lea marie sophie hannah mia emma
        johanna clara frieda ida greta mathilda nils erik olaf magnus axel gustav karin kristina annika elin
        camille louis chloe hugo manon theo elodie mathieu giulia marco francesca luca chiara matteo alessandra
        giorgio baptiste ines jean pierre jacques michel philippe alain nicolas francois julien antoine guillaume
        thomas maxime romain alexandre vincent olivier laurent sylvie nathalie isabelle sophie catherine celine
        aurelie amelie juliette lea louise alice jeanne margaux pauline mathilde giuseppe giovanni francesco
        alessandro lorenzo andrea stefano roberto davide simone federico riccardo paolo salvatore fabio
        giulia sofia aurora martina ginevra beatrice alessia elisa sara valentina federica silvia elena
        haruto yui sota aoi ren sakura takumi hina kenji yuki hiroshi naoko takashi satoshi kazuki daiki shota
        yuto riku kaito hinata yuna mio akari emi keiko yoko yumi tomoko akiko haruka misaki ayumi kaori
        min-jun seo-yeon ji-ho ha-eun do-hyun soo-ah ji-woo seo-jun ye-jin min-seo ji-min hyun-woo jae-won
        sung-min young-ho eun-ji so-yeon hye-jin jin yoon seung
        chinedu ngozi oluwaseun amara kwame abena tendai nandi kofi adaeze emeka zodwa jabari imani chidi
        obinna ifeanyi chioma nneka adebayo folake tunde yetunde kehinde taiwo babatunde femi sipho thabo
        lerato themba kagiso amani baraka juma wanjiru akosua kwabena yaw ama efua ayodele
        dmitri dmitry olga sergei sergey natalia alexei alexey irina ivan tatiana tatyana piotr agnieszka krzysztof
        magdalena tomasz katarzyna vladimir nikolai mikhail andrei yuri boris igor oleg pavel anastasia ekaterina
        svetlana elena marina yulia ludmila galina vera nadezhda jan marek pawel michal lukasz jakub wojciech
        anna barbara ewa zofia malgorzata joanna
        minh thu quang linh tuan hoa anh duc hung huong lan mai nam phuong thanh trang trung dung hieu long
        siobhan padraig aoife eoin ciaran niamh sinead declan liam brendan colm fiona grainne orla roisin
        seamus conor cormac eamon
        """
    ).union(LanguageNames.all.lazy.flatMap { Lexicon.words($0.given) })
}
