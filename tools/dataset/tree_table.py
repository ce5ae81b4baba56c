"""The curated category tree, one category a line (pure data; parsed by ``tree``)."""

# The category tree (Allegro's assortment tree, the one sellers list offers in). One category a line, indented by
# two spaces per level: "Polish | English  #pinned-id  [flags]  {parameter sets}  ~extra,matching,keywords".
# Pinned ids come from the spec's examples, the seeds and the vendor's public threads; the rest are drawn.
# Flags: adv = advertisement (classifieds) category, priceopt = advertisement price optional, noproduct =
# productCreationEnabled false, nocolour = variantsByColorPatternAllowed false, comments =
# sellerCanRequirePurchaseComments, noof = not allowed for One Fulfillment (inherited), tax=<profile> (inherited),
# compat=<itemsType> (compatibility list supported: listed as such, and inherited by the subtree).
TREE = """
Dom i Ogród | Home and Garden  #5  {base}
  Meble | Furniture  [noof]  {furniture}
    Salon | Living room
      Sofy i kanapy | Sofas and couches  ~sofa,kanapa,narożnik
      Stoliki kawowe | Coffee tables  ~stolik
      Regały | Bookcases  ~regał
    Kuchnia | Kitchen  #1510
      Stoły kuchenne | Kitchen tables  ~stół
      Szafki kuchenne | Kitchen cabinets  ~szafka
      Krzesła kuchenne | Kitchen chairs  ~krzesło
    Sypialnia | Bedroom
      Łóżka | Beds  ~łóżko
      Materace | Mattresses  ~materac
      Szafy | Wardrobes  ~szafa
  Wyposażenie | Furnishings
    Dekoracje i ozdoby | Decorations
      Świece i świeczniki | Candles and candlesticks  ~świeca,świeczka
      Ramki na zdjęcia | Photo frames  [comments]  ~ramka,grawer
    Oświetlenie | Lighting
      Lampy biurkowe | Desk lamps  ~lampka,lampa,led,usb
      Lampy sufitowe | Ceiling lamps  ~żyrandol,plafon
      Żarówki | Light bulbs  ~żarówka
    Naczynia | Tableware
      Kubki | Mugs  ~kubek,ceramiczny,porcelanowy
      Talerze | Plates  ~talerz
      Sztućce | Cutlery  ~widelec,łyżka,nóż
  Ogród | Garden
    Narzędzia ogrodowe | Garden tools
      Sekatory | Pruning shears  ~sekator
      Łopaty i szpadle | Shovels and spades  ~łopata,szpadel
    Meble ogrodowe | Garden furniture  [noof]  {furniture}
      Krzesła ogrodowe | Garden chairs  ~krzesło
      Stoły ogrodowe | Garden tables  ~stół
    Architektura ogrodowa | Garden architecture  [noof]
      Place zabaw | Playgrounds  #86342  ~huśtawka,zjeżdżalnia,piaskownica
      Altany | Gazebos  ~altana,pawilon
    Nasiona i cebulki | Seeds and bulbs  [noof]  ~nasiona,cebulki
  Narzędzia | Tools
    Elektronarzędzia | Power tools  {brand}
      Wiertarki | Drills  ~wiertarka
      Wkrętarki | Cordless screwdrivers  ~wkrętarka
      Szlifierki | Grinders  ~szlifierka
    Narzędzia ręczne | Hand tools
      Młotki | Hammers  ~młotek
      Klucze | Wrenches  ~klucz
  Budownictwo i Akcesoria | Construction and accessories
    Farby i lakiery | Paints and varnishes  [noof]  ~farba,lakier
    Płytki | Tiles  [noof]  ~płytka,glazura,terakota
Dziecko | Kids  #11763  {base}
  Zabawki | Toys  #11818  {toy}
    Klocki | Building blocks
      Klocki LEGO | LEGO bricks  ~lego
      Klocki konstrukcyjne | Construction blocks  ~klocki
    Lalki i akcesoria | Dolls and accessories  ~lalka
    Gry planszowe | Board games  ~gra,planszowa,planszówka
    Pojazdy | Toy vehicles  ~autko,samochodzik
  Wózki dziecięce | Prams  [noof]
    Wózki głębokie | Carrycot prams  ~gondola
    Wózki spacerowe | Strollers  ~spacerówka
  Karmienie | Feeding
    Butelki do karmienia | Feeding bottles  ~butelka
    Smoczki | Pacifiers  ~smoczek
  Odzież dziecięca | Kids' clothing  {fashion}
    Body | Bodysuits
    Kurtki dziecięce | Kids' jackets  ~kurtka
Elektronika | Electronics  {base,brand}
  Telefony i Akcesoria | Phones and Accessories  #4
    Smartfony i telefony komórkowe | Smartphones and Cell Phones  #165  {phone}  ~smartfon,telefon,iphone,galaxy,redmi
    Akcesoria GSM | Phone accessories
      Etui i pokrowce | Cases and covers  ~etui,case,pokrowiec
      Ładowarki | Chargers  ~ładowarka,zasilacz
      Powerbanki | Power banks  {battery}  ~powerbank,mah
      Szkła i folie ochronne | Screen protectors  ~szkło,hartowane,folia
    Smartwatche | Smartwatches  ~smartwatch,zegarek
  Komputery | Computers  #709
    Laptopy | Laptops  #491  {computer}  ~laptop,notebook,macbook
    Komputery stacjonarne | Desktop computers  {computer}  ~komputer,pc
    Tablety | Tablets  ~tablet,ipad
    Podzespoły komputerowe | Computer components
      Procesory | Processors  {computer}  ~procesor,cpu,ryzen,intel
      Karty graficzne | Graphics cards  ~karta,graficzna,gpu,rtx
      Pamięć RAM | RAM memory  ~ram,ddr4,ddr5
      Dyski SSD | SSD drives  ~ssd,dysk
    Drukarki i skanery | Printers and scanners
      Drukarki | Printers  ~drukarka
      Tusze | Inks  #9108  [compat=PRINTER]  {ink}  ~tusz,atrament,cartridge
      Tonery | Toners  ~toner
    Pozostałe | Other  #12
  RTV i AGD | TV and Home Appliances
    Telewizory | TVs  ~telewizor,tv,smart
    Audio | Audio
      Słuchawki | Headphones  ~słuchawki,douszne,nauszne
      Głośniki przenośne | Portable speakers  ~głośnik,bluetooth
      Soundbary | Soundbars  ~soundbar
    AGD duże | Large appliances  [noof]
      Lodówki | Refrigerators  ~lodówka
      Pralki | Washing machines  ~pralka
      Zmywarki | Dishwashers  ~zmywarka
    AGD małe | Small appliances
      Ekspresy do kawy | Coffee machines  ~ekspres,kawy
      Czajniki elektryczne | Electric kettles  ~czajnik
      Odkurzacze | Vacuum cleaners  ~odkurzacz
  Fotografia | Photography
    Aparaty cyfrowe | Digital cameras  ~aparat,lustrzanka,bezlusterkowiec
    Obiektywy | Lenses  ~obiektyw
  Konsole i automaty | Consoles and arcade machines
    Konsole PlayStation | PlayStation consoles  ~playstation,ps5,ps4
    Konsole Xbox | Xbox consoles  ~xbox
    Gry na konsole | Console games  ~gra
Firma i usługi | Business and Services
  Usługi | Services  [adv,priceopt,noproduct,nocolour,noof,tax=services]
    Usługi remontowe | Renovation services  ~remont,malowanie,glazurnik
    Usługi transportowe | Transport services  ~transport,przeprowadzka
  Wyposażenie biura | Office equipment  {base}
    Artykuły biurowe | Office supplies  ~długopis,zszywacz,segregator
    Papier do drukarek | Printer paper  ~papier,ksero
  Przemysł | Industry  {base}
    BHP | Occupational safety  ~rękawice,kask,odzież,robocza
Kolekcje i sztuka | Collections and Art  [tax=collectibles]  {base}
  Monety | Coins  ~moneta
  Znaczki | Stamps  ~znaczek
  Antyki | Antiques  [noof]  ~antyk
  Sztuka | Art  [noof]
    Obrazy | Paintings  ~obraz
    Rzeźby | Sculptures  ~rzeźba
Kultura i rozrywka | Culture and Entertainment  {base}
  Książki i Komiksy | Books and Comics  [tax=books]  {book}
    Literatura piękna | Fiction
      Fantastyka | Fantasy  #79155  ~fantasy,sci-fi,gra,tron,martin
      Kryminał, sensacja, thriller | Crime and thriller  ~kryminał,thriller
      Literatura obyczajowa | Contemporary fiction  ~powieść,obyczajowa
    Poradniki | Guides  ~poradnik
    Podręczniki szkolne | School textbooks  #66820
      Szkoła podstawowa | Primary school  ~podręcznik
      Szkoła średnia | Secondary school  #111777  ~podręcznik,liceum,technikum
    Komiksy | Comics  ~komiks,manga
  Muzyka | Music  #1  ~płyta,cd,winyl
  Filmy | Films
    Filmy DVD | DVD films  ~dvd
    Filmy Blu-ray | Blu-ray films  ~blu-ray
  Instrumenty | Musical instruments
    Gitary | Guitars  ~gitara
    Instrumenty klawiszowe | Keyboard instruments  ~keyboard,pianino
Moda | Fashion  {base,fashion}
  Odzież, Obuwie, Dodatki | Clothing, Shoes, Accessories
    Odzież damska | Women's clothing
      Sukienki | Dresses  ~sukienka
      Bluzki | Blouses  ~bluzka
      T-shirty damskie | Women's T-shirts  #76104  ~t-shirt,koszulka
    Odzież męska | Men's clothing
      Koszule | Shirts  ~koszula
      T-shirty męskie | Men's T-shirts  ~t-shirt,koszulka
      Spodnie męskie | Men's trousers  ~spodnie,jeansy
    Obuwie | Shoes  {shoes}
      Obuwie damskie | Women's shoes  ~buty,szpilki,botki
      Obuwie męskie | Men's shoes  ~buty,półbuty,sneakersy
  Bielizna | Underwear  ~bielizna,biustonosz,bokserki
  Biżuteria i zegarki | Jewellery and watches
    Zegarki | Watches  ~zegarek
    Pierścionki | Rings  ~pierścionek
  Torebki | Handbags  ~torebka,torba
Motoryzacja | Automotive  #3  {base}
  Samochody | Cars  [adv,noproduct,noof]  {car}
    Samochody osobowe | Passenger cars  ~samochód,auto,osobowy,bmw,audi,volkswagen,toyota,opel,skoda,ford,x3
    Samochody dostawcze | Vans  ~dostawczy,bus,van
  Części samochodowe | Car parts  #620  [compat=CAR]  {carpart}
    Części karoserii | Body parts
      Zderzaki | Bumpers  [noof]  ~zderzak
      Lusterka zewnętrzne | Exterior mirrors  ~lusterko
    Układ hamulcowy | Braking system
      Klocki hamulcowe | Brake pads  ~klocki,hamulcowe
      Tarcze hamulcowe | Brake discs  ~tarcze,hamulcowe
    Filtry | Filters
      Filtry oleju | Oil filters  ~filtr,oleju
      Filtry powietrza | Air filters  ~filtr,powietrza
    Oświetlenie samochodowe | Car lighting
      Żarówki samochodowe | Car bulbs  ~żarówka,h7,h4
    Pióra wycieraczek | Wiper blades  #257358  [compat=CAR]  ~wycieraczki,pióra
  Części motocyklowe | Motorcycle parts  #158  [compat=MOTORCYCLE_EXPLODED]  {carpart}  ~motocykl
  Opony i felgi | Tyres and rims  [noof]
    Opony samochodowe | Car tyres
      Opony letnie | Summer tyres  ~opony,letnie
      Opony zimowe | Winter tyres  ~opony,zimowe
      Opony całoroczne | All-season tyres  ~opony,całoroczne,wielosezonowe
    Felgi | Rims  ~felgi,alufelgi
  Elektronika samochodowa | Car electronics
    Nawigacje i akcesoria GPS | Navigation and GPS accessories  #257399
      Akcesoria i oprogramowanie | Accessories and software  #257973  ~nawigacja,gps,mapy
    Wideorejestratory | Dash cams  ~wideorejestrator,kamera
  Chemia samochodowa | Car chemicals  [noof]
    Oleje silnikowe | Engine oils  ~olej,silnikowy
    Płyny do spryskiwaczy | Washer fluids  ~płyn,spryskiwaczy
Nieruchomości | Real Estate  #20782  [adv,noproduct,nocolour,noof,tax=services]  {realestate}
  Mieszkania | Flats
    Mieszkania na sprzedaż | Flats for sale  ~mieszkanie,sprzedam
    Mieszkania na wynajem | Flats for rent  ~mieszkanie,wynajmę,wynajem
  Domy | Houses  ~dom
  Działki | Plots  ~działka
Supermarket | Supermarket  #258832  {base}
  Produkty spożywcze | Food  #73973  [noof,tax=food]  {food}
    Bakalie, orzechy, pestki | Dried fruit, nuts and seeds  #112640
      Orzechy włoskie | Walnuts  #261230  ~orzechy,włoskie
      Migdały | Almonds  ~migdały
    Kawa | Coffee
      Kawa ziarnista | Coffee beans  ~kawa,ziarnista
      Kawa mielona | Ground coffee  ~kawa,mielona
    Herbata | Tea  ~herbata
    Słodycze | Sweets  ~czekolada,cukierki,baton
  Chemia domowa | Household chemicals
    Środki czystości | Cleaning agents  ~płyn,czyszczenia
    Proszki do prania | Laundry detergents  ~proszek,prania,kapsułki
  Artykuły dla zwierząt | Pet supplies
    Karma dla psów | Dog food  [tax=food]  ~karma,pies,psa
    Karma dla kotów | Cat food  [tax=food]  ~karma,kot,kota
    Akcesoria dla zwierząt | Pet accessories  ~smycz,obroża,legowisko
Uroda | Beauty  #1429  {base,cosmetics}
  Makijaż | Make-up
    Pomadki | Lipsticks  ~pomadka,szminka
    Tusze do rzęs | Mascaras  ~tusz,rzęs,maskara
  Pielęgnacja | Care
    Kremy do twarzy | Face creams  ~krem
    Balsamy do ciała | Body lotions  ~balsam
  Perfumy | Perfumes  [noof]
    Perfumy damskie | Women's perfumes  ~perfumy,woda,toaletowa
    Perfumy męskie | Men's perfumes  ~perfumy,woda,toaletowa
Zdrowie | Health  #121882  {base}
  Domowa apteczka | Home first aid kit  [noof,tax=pharmacy]
    Leki bez recepty | Over-the-counter medicines  ~lek,tabletki
    Witaminy i minerały | Vitamins and minerals  ~witamina,suplement
  Sprzęt medyczny | Medical equipment
    Ciśnieniomierze | Blood pressure monitors  ~ciśnieniomierz
    Termometry | Thermometers  ~termometr
Sport i turystyka | Sport and Leisure  #3919  {base}
  Rowery i akcesoria | Bicycles and accessories
    Rowery | Bicycles  [noof]
      Rowery górskie MTB | Mountain bikes  ~rower,mtb,górski
      Rowery miejskie | City bikes  ~rower,miejski
    Akcesoria rowerowe | Bicycle accessories
      Kaski rowerowe | Bicycle helmets  ~kask
      Oświetlenie rowerowe | Bicycle lights  ~lampka,rowerowa
  Siłownia i fitness | Gym and fitness
    Hantle | Dumbbells  ~hantle,hantla
    Maty do ćwiczeń | Exercise mats  ~mata
  Turystyka | Tourism
    Namioty | Tents  ~namiot
    Plecaki | Backpacks  ~plecak
    Śpiwory | Sleeping bags  ~śpiwór
  Sporty zimowe | Winter sports
    Narty | Skis  [noof]  ~narty
    Łyżwy | Ice skates  ~łyżwy
"""
