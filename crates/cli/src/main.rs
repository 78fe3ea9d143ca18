fn main() {
    println!("claimdesk");
}
